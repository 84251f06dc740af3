package org.leadcrm.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CSV files written by a test, in the encodings people's spreadsheets use; deleted when the JVM ends. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path utf8(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** UTF-8 with a byte order mark, as Excel's "CSV UTF-8" writes it. */
    public static Path utf8WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return write(bytes);
    }

    /** Windows-1252, as older Excel writes "CSV" on a Western European Windows. */
    public static Path windows1252(String text) {
        return write(text.getBytes(Charset.forName("windows-1252")));
    }

    public static Path write(byte[] bytes) {
        try {
            Path file = Files.createTempFile("leadcrm-test-import-", ".csv");
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
