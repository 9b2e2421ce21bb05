package org.brokerscope.ui.publish;

import java.io.IOException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brokerscope.ui.I18n;

/** Named templates of the form: save, load, delete; the file is written off the FX thread. */
public final class TemplatesModel {
    private final PublishSession session;
    private final I18n i18n;
    private final PublishForm form;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private int shownVersion = -1;

    TemplatesModel(PublishSession session, I18n i18n, PublishForm form) {
        this.session = session;
        this.i18n = i18n;
        this.form = form;
    }

    public void save() {
        String chosen = name.get().strip();
        if (chosen.isEmpty()) {
            status.set(i18n.text("publish.templates.nameMissing"));
            return;
        }
        PublishDraft draft = form.draft();
        session.background().execute(() -> {
            String message = write(() -> session.templates().save(chosen, draft), "publish.templates.saved", chosen);
            session.arrived().add(() -> status.set(message));
        });
    }

    public void load(String template) {
        session.templates().named(template).ifPresent(t -> {
            form.load(t.draft());
            name.set(t.name());
            status.set(i18n.text("publish.templates.loaded", t.name()));
        });
    }

    public void delete(String template) {
        session.background().execute(() -> {
            String message = write(() -> session.templates().delete(template), "publish.templates.deleted", template);
            session.arrived().add(() -> status.set(message));
        });
    }

    /** Shows the names again when the file was read or written since the last frame. */
    void onFrame() {
        int version = session.templates().version();
        if (version == shownVersion) {
            return;
        }
        shownVersion = version;
        names.setAll(session.templates().all().stream().map(PublishTemplates.Template::name).sorted().toList());
        session.templates().problem().ifPresent(p -> status.set(i18n.text(p.key(), p.argument())));
    }

    private String write(IoAction action, String okKey, String templateName) {
        try {
            action.run();
            return i18n.text(okKey, templateName);
        } catch (IOException e) {
            return i18n.text("publish.templates.writeFailed", String.valueOf(e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<String> names() {
        return FXCollections.unmodifiableObservableList(names);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
