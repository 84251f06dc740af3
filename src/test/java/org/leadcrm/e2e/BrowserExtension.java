package org.leadcrm.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.leadcrm.testsupport.TestDatabaseInitializer;

/**
 * Starts one headless Chromium per test class (skipping the class, with what to install, where
 * Chromium or its driver is missing — or failing it when {@value #REQUIRE_BROWSER} is
 * {@code true}), hands it to test methods and lifecycle methods as a {@link Browser} parameter,
 * and saves a screenshot of every failing test to
 * {@code target/browser-screenshots/<class>.<test>-<database>.png} before any clean-up runs.
 */
public final class BrowserExtension
        implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback, ParameterResolver {

    /** The environment variable that turns a missing browser into a failure (set in CI). */
    public static final String REQUIRE_BROWSER = "LEADCRM_REQUIRE_BROWSER";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        requireBrowser(Browser.CHROMIUM, Browser.CHROMEDRIVER, System.getenv(REQUIRE_BROWSER));
        context.getStore(NAMESPACE).put(Browser.class, Browser.start());
    }

    /**
     * Returns if both programs are there; otherwise aborts the tests (they show as skipped) with
     * what to install, or fails them when {@code requireBrowser} is {@code "true"}.
     */
    static void requireBrowser(Path chromium, Path chromedriver, String requireBrowser) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium)) {
            missing.add(chromium + " (Debian package chromium)");
        }
        if (!Files.isExecutable(chromedriver)) {
            missing.add(chromedriver + " (Debian package chromium-driver)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "Browser tests need " + String.join(" and ", missing)
                + ": apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(requireBrowser)) {
            throw new IllegalStateException(message + " (" + REQUIRE_BROWSER + "=true, so they fail instead of being skipped)");
        }
        Assumptions.abort(message);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser != null) {
            browser.screenshot(failureName(context)).ifPresent(file ->
                    System.err.println("Screenshot of the failed browser test: " + file));
        }
    }

    /** {@code <class>.<method>[-<display name of a parameterized invocation>]-<database>}. */
    private static String failureName(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        if (!display.startsWith(context.getRequiredTestMethod().getName() + "(")) {
            name += "-" + display.replace('/', '_'); // a parameterized invocation, e.g. "[3] MARKETING_MANAGER"
        }
        return name + "-" + database();
    }

    static String database() {
        return TestDatabaseInitializer.database().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser == null) {
            throw new IllegalStateException("No browser: " + BrowserExtension.class.getSimpleName()
                    + " starts it before all tests of a class");
        }
        return browser;
    }
}
