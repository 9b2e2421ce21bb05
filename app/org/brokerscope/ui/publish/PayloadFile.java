package org.brokerscope.ui.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.brokerscope.mqtt.PublishPacket;
import org.brokerscope.ui.I18n;

/**
 * The "from file" payload: the file named in the form is read off the FX thread whenever the name
 * changes (chosen, or restored from a template), and its bytes kept for sending.
 */
public final class PayloadFile {
    private final PublishSession session;
    private final I18n i18n;
    private final PublishForm form;
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    // Bumped on the FX thread when a read finished, so the form revalidates.
    private final ReadOnlyIntegerWrapper loaded = new ReadOnlyIntegerWrapper();
    private String path = "";
    private byte[] bytes;

    PayloadFile(PublishSession session, I18n i18n, PublishForm form) {
        this.session = session;
        this.i18n = i18n;
        this.form = form;
        form.fileProperty().addListener((obs, old, now) -> read(now));
    }

    /** The bytes of the file the form names, once read. */
    Optional<byte[]> bytes() {
        return bytes != null && path.equals(form.fileProperty().get()) ? Optional.of(bytes) : Optional.empty();
    }

    private void read(String name) {
        bytes = null;
        path = name;
        if (name == null || name.isBlank()) {
            info.set("");
            return;
        }
        info.set(i18n.text("publish.file.reading"));
        session.background().execute(() -> {
            Result result = load(Path.of(name));
            session.arrived().add(() -> apply(name, result));
        });
    }

    private record Result(byte[] bytes, String error, long size) {
    }

    private static Result load(Path file) {
        try {
            long size = Files.size(file);
            if (size > PublishPacket.PROTOCOL_MAXIMUM) {
                return new Result(null, null, size);
            }
            return new Result(Files.readAllBytes(file), null, size);
        } catch (IOException | RuntimeException e) {
            return new Result(null, String.valueOf(e.getMessage()), -1);
        }
    }

    private void apply(String name, Result result) {
        if (!name.equals(path)) {
            return; // another file was chosen meanwhile
        }
        String fileName = String.valueOf(Path.of(name).getFileName());
        if (result.bytes() != null) {
            bytes = result.bytes();
            info.set(i18n.text("publish.file.loaded", fileName, result.size()));
        } else if (result.error() == null) {
            info.set(i18n.text("publish.file.tooLarge", fileName, result.size(), PublishPacket.PROTOCOL_MAXIMUM));
        } else {
            info.set(i18n.text("publish.file.unreadable", fileName, result.error()));
        }
        loaded.set(loaded.get() + 1);
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
