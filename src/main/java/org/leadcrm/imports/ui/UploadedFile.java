package org.leadcrm.imports.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file the user uploaded, in a temporary file that is deleted exactly once: when the wizard is
 * closed without importing, or when the import that took it is over, whatever its outcome. The JVM
 * deletes it on exit should neither happen.
 */
final class UploadedFile {

    private static final Logger log = LoggerFactory.getLogger(UploadedFile.class);

    private final Path path;
    private final String name;
    private final long size;
    private final AtomicBoolean deleted = new AtomicBoolean();

    UploadedFile(Path path, String name, long size) {
        this.path = path;
        this.name = name;
        this.size = size;
        path.toFile().deleteOnExit();
    }

    Path path() {
        return path;
    }

    String name() {
        return name;
    }

    void delete() {
        if (deleted.compareAndSet(false, true)) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("Could not delete an uploaded file ({}); it goes when the application stops", e.toString());
            }
        }
    }

    boolean isDeleted() {
        return deleted.get() || !Files.exists(path);
    }

    /** "contacts.csv (1.2 MB)" */
    String describe() {
        return name + " (" + megabytes(size) + ")";
    }

    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return new DecimalFormat("#,##0").format(Math.max(1, Math.round(bytes / 1024.0))) + " KB";
        }
        return new DecimalFormat("#,##0.#").format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
