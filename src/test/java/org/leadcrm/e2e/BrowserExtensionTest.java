package org.leadcrm.e2e;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Where Chromium or its driver is missing, browser tests are skipped with what to install, or fail in CI. */
class BrowserExtensionTest {

    @TempDir
    Path dir;

    @Test
    void skips_with_the_packages_to_install_when_chromium_or_its_driver_is_missing() throws IOException {
        Path chromium = executable("chromium");
        Path driver = dir.resolve("chromedriver");

        assertThatThrownBy(() -> BrowserExtension.requireBrowser(chromium, driver, null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("chromium-driver")
                .hasMessageContaining("apt-get install chromium chromium-driver");
        assertThatThrownBy(() -> BrowserExtension.requireBrowser(dir.resolve("none"), executable("chromedriver"), "false"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Debian package chromium)");
    }

    @Test
    void fails_instead_when_the_browser_is_required() {
        assertThatThrownBy(() -> BrowserExtension.requireBrowser(dir.resolve("chromium"), dir.resolve("chromedriver"), "true"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install chromium chromium-driver")
                .hasMessageContaining(BrowserExtension.REQUIRE_BROWSER);
    }

    @Test
    void goes_ahead_when_both_are_there() throws IOException {
        Path chromium = executable("chromium");
        Path driver = executable("chromedriver");

        assertThatCode(() -> BrowserExtension.requireBrowser(chromium, driver, "true")).doesNotThrowAnyException();
    }

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
