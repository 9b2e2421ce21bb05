package org.brokerscope.ui.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brokerscope.settings.JsonFileStore;

/**
 * Named publish templates, kept in {@code publish-templates.json} in the config folder. A corrupt file is
 * moved aside by {@link JsonFileStore}, one that cannot be read at all is left in place; neither is ever
 * overwritten, and {@link #problem()} says which.
 */
final class PublishTemplates {
    static final String FILE_NAME = "publish-templates.json";

    /** One saved form. */
    record Template(String name, PublishDraft draft) {
    }

    /** What went wrong reading the file, as a message key and its one argument. */
    record Problem(String key, String argument) {
    }

    /** The file's content. */
    record TemplateFile(List<Template> templates) {
        TemplateFile {
            templates = templates == null ? List.of() : List.copyOf(templates);
        }
    }

    private final JsonFileStore<TemplateFile> store;
    private final List<Template> templates = new ArrayList<>();
    private Problem problem;
    // Bumped by every load and write, so the view refreshes its list once per change.
    private volatile int version;

    PublishTemplates(Path configDirectory, Clock clock) {
        this.store = new JsonFileStore<>(configDirectory.resolve(FILE_NAME), TemplateFile.class,
                () -> new TemplateFile(List.of()), clock);
    }

    /** Reads the file; call once, off the FX thread. */
    synchronized void load() {
        try {
            JsonFileStore.Loaded<TemplateFile> loaded = store.load();
            templates.clear();
            templates.addAll(loaded.value().templates());
            problem = loaded.corruptFileBackup().map(b -> new Problem("publish.templates.unreadable", b.getFileName().toString()))
                    .orElse(loaded.unreadable() ? new Problem("publish.templates.leftAsIs", loaded.problem().get()) : null);
        } catch (IOException e) {
            problem = new Problem("publish.templates.unreadable", e.getMessage());
        }
        version++;
    }

    int version() {
        return version;
    }

    synchronized List<Template> all() {
        return List.copyOf(templates);
    }

    synchronized Optional<Template> named(String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Saves under {@code name}, replacing a template of that name. */
    synchronized void save(String name, PublishDraft draft) throws IOException {
        templates.removeIf(t -> t.name().equals(name));
        templates.add(new Template(name, draft));
        version++;
        store.save(new TemplateFile(templates));
    }

    synchronized void delete(String name) throws IOException {
        if (templates.removeIf(t -> t.name().equals(name))) {
            version++;
            store.save(new TemplateFile(templates));
        }
    }

    /** Empty when all went well. */
    synchronized Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }
}
