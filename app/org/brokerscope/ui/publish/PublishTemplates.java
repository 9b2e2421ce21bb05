package org.brokerscope.ui.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brokerscope.settings.JsonFileStore;

/**
 * Named publish templates, kept in {@code publish-templates.json} in the config folder. A file that cannot
 * be read is moved aside by {@link JsonFileStore} and never overwritten; {@link #problem()} says so.
 */
final class PublishTemplates {
    static final String FILE_NAME = "publish-templates.json";

    /** One saved form. */
    record Template(String name, PublishDraft draft) {
    }

    /** The file's content. */
    record TemplateFile(List<Template> templates) {
        TemplateFile {
            templates = templates == null ? List.of() : List.copyOf(templates);
        }
    }

    private final JsonFileStore<TemplateFile> store;
    private final List<Template> templates = new ArrayList<>();
    private String problem;
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
            problem = loaded.corruptFileBackup().map(b -> b.getFileName().toString()).orElse(null);
        } catch (IOException e) {
            problem = e.getMessage();
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

    /** The backup name of a file that could not be read, or an I/O error; empty when all went well. */
    synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
