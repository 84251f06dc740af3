package org.leadcrm.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver, with helpers that understand Vaadin's web
 * components: waiting until Vaadin is idle, finding components by their text through shadow
 * roots and overlays, typing into fields, clicking buttons and menu items, reading notifications.
 *
 * <p>Every finder waits (explicitly, with {@link WebDriverWait}) for what it looks for to be
 * visible; the {@code visible...} methods answer at once, after Vaadin is idle, for checking
 * that something is <em>not</em> there.
 */
public final class Browser implements AutoCloseable {

    /** Debian's Chromium and its driver; set explicitly so that Selenium Manager never downloads anything. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Where screenshots go, relative to the project directory Maven runs the tests in. */
    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The first page of a fresh application loads the development bundle and can take a while. */
    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * Functions prepended to the scripts that search the page: {@code deep(selector, root)} finds
     * elements through every open shadow root below {@code root} (overlays included, as they are
     * on the page); {@code text(el)} is an element's text without tooltips, whitespace collapsed;
     * {@code shown(el)} whether it is rendered and not hidden.
     */
    private static final String HELPERS = """
            const deep = (selector, root) => {
              const found = [];
              const visit = node => {
                node.querySelectorAll(selector).forEach(el => found.push(el));
                node.querySelectorAll('*').forEach(el => { if (el.shadowRoot) visit(el.shadowRoot); });
              };
              const start = root || document;
              if (start.shadowRoot) visit(start.shadowRoot);
              visit(start);
              return found;
            };
            const text = el => {
              let result = '';
              const walk = node => {
                if (node.nodeType === Node.TEXT_NODE) { result += node.textContent; return; }
                if (node.nodeType !== Node.ELEMENT_NODE) return;
                if (node.localName === 'vaadin-tooltip' || node.getAttribute('slot') === 'tooltip'
                    || node.localName === 'style' || node.localName === 'script') return;
                node.childNodes.forEach(walk);
              };
              walk(el);
              return result.replace(/[\\s\\u00a0]+/g, ' ').trim();
            };
            const shown = el => {
              if (!el.isConnected) return false;
              const style = getComputedStyle(el);
              if (style.visibility === 'hidden' || style.display === 'none') return false;
              if (style.display === 'contents') {
                // no box of its own (a dialog's title, for one): shown if its content is
                const range = document.createRange();
                range.selectNodeContents(el);
                return range.getClientRects().length > 0;
              }
              return el.getClientRects().length > 0;
            };
            """;

    private static final String VAADIN_IDLE = """
            if (document.readyState !== 'complete') return false;
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) return false;
            const clients = Object.values(flow.clients).filter(c => c && typeof c.isActive === 'function');
            return clients.length > 0 && clients.every(c => !c.isActive());
            """;

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private String baseUrl;
    private boolean loadedOnce;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts a headless Chromium with a fresh, temporary profile. */
    public static Browser start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("leadcrm-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Chromium profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1440,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        // The console, for the journeys to check it (Content Security Policy violations are logged there).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(FIRST_LOAD);
            driver.manage().timeouts().scriptTimeout(WAIT);
            return new Browser(driver, service, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
        }
    }

    /** The application under test, e.g. {@code http://localhost:41234}. */
    public void useApp(String url) {
        this.baseUrl = url;
    }

    public ChromeDriver driver() {
        return driver;
    }

    // --- navigation and waiting ---------------------------------------------------------------------

    /** Opens a path of the application and waits until Vaadin has rendered it. */
    public void open(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
    }

    /** The path of the current page, e.g. {@code /lists}. */
    public String path() {
        String url = driver.getCurrentUrl();
        String path = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        return path.isEmpty() ? "/" : path;
    }

    /** Waits until the page is loaded and every Vaadin client on it has no request in flight. */
    public void waitForVaadin() {
        Duration timeout = loadedOnce ? WAIT : FIRST_LOAD;
        waitUntil("Vaadin to be idle", timeout, d -> Boolean.TRUE.equals(js(VAADIN_IDLE)));
        loadedOnce = true;
    }

    /** Waits (polling) until {@code condition} yields a non-null, non-false value, and returns it. */
    public <T> T waitUntil(String what, Function<Browser, T> condition) {
        return waitUntil(what, WAIT, d -> condition.apply(this));
    }

    private <T> T waitUntil(String what, Duration timeout, Function<org.openqa.selenium.WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, POLL);
        wait.withMessage("waiting for " + what);
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition);
    }

    // --- finding ------------------------------------------------------------------------------------

    /**
     * The visible elements matching a CSS selector anywhere on the page, through shadow roots and
     * overlays, optionally only those whose text (without tooltips, whitespace collapsed) is
     * exactly {@code text}.
     */
    public List<WebElement> visible(String selector, String text) {
        return visibleWithin(null, selector, text);
    }

    public List<WebElement> visible(String selector) {
        return visible(selector, null);
    }

    /** As {@link #visible(String, String)}, but only below {@code root} (e.g. an open dialog). */
    @SuppressWarnings("unchecked")
    public List<WebElement> visibleWithin(WebElement root, String selector, String text) {
        Object found = js(HELPERS + """
                const [selector, root, wanted] = arguments;
                return deep(selector, root).filter(el => shown(el) && (wanted === null || text(el) === wanted));
                """, selector, root, text);
        return (List<WebElement>) found;
    }

    /** Waits for a visible element matching the selector (and text, unless null) and returns the first. */
    public WebElement find(String selector, String text) {
        return findWithin(null, selector, text);
    }

    public WebElement find(String selector) {
        return find(selector, null);
    }

    public WebElement findWithin(WebElement root, String selector, String text) {
        String what = selector + (text == null ? "" : " with text \"" + text + "\"");
        return waitUntil(what, browser -> {
            List<WebElement> found = visibleWithin(root, selector, text);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** The text of an element as {@link #visible(String, String)} compares it. */
    public String textOf(WebElement element) {
        return (String) js(HELPERS + "return text(arguments[0]);", element);
    }

    /** A visible {@code vaadin-button} with this text (icons do not count). */
    public WebElement button(String text) {
        return find("vaadin-button", text);
    }

    /** Whether a {@code vaadin-button} with this text is visible now (after Vaadin is idle). */
    public boolean hasButton(String text) {
        waitForVaadin();
        return !visible("vaadin-button", text).isEmpty();
    }

    /** The visible cell contents of every {@code vaadin-grid} on the page, row by row as rendered. */
    public List<String> gridCells() {
        return visible("vaadin-grid-cell-content").stream().map(this::textOf).toList();
    }

    /** Waits until a grid shows a cell with exactly this text. */
    public WebElement gridCell(String text) {
        return find("vaadin-grid-cell-content", text);
    }

    /** Waits until no grid shows a cell with exactly this text. */
    public void waitForNoGridCell(String text) {
        waitUntil("no grid cell \"" + text + "\"", browser -> visible("vaadin-grid-cell-content", text).isEmpty());
    }

    /** The dialog that is open now (its overlay, which holds its content, header and footer). */
    public WebElement dialog() {
        return find("vaadin-dialog-overlay[opened]");
    }

    public void waitForNoDialog() {
        waitUntil("every dialog to close", browser -> visible("vaadin-dialog-overlay[opened]").isEmpty());
    }

    /**
     * A Vaadin field ({@code vaadin-text-field}, {@code -password-field}, {@code -text-area}, ...)
     * whose label, accessible name or placeholder is {@code label}.
     */
    public WebElement field(String label) {
        return fieldWithin(null, label);
    }

    @SuppressWarnings("unchecked")
    public WebElement fieldWithin(WebElement root, String label) {
        return waitUntil("a field \"" + label + "\"", browser -> {
            List<WebElement> found = (List<WebElement>) js(HELPERS + """
                    const [root, wanted] = arguments;
                    return deep('vaadin-text-field, vaadin-password-field, vaadin-text-area, vaadin-integer-field,'
                        + ' vaadin-number-field, vaadin-email-field, vaadin-combo-box, vaadin-big-decimal-field,'
                        + ' vaadin-multi-select-combo-box', root)
                      .filter(el => shown(el))
                      .filter(el => {
                        const label = el.querySelector(':scope > label[slot=label]');
                        return (label && text(label) === wanted) || el.label === wanted
                          || el.accessibleName === wanted || el.placeholder === wanted;
                      });
                    """, root, label);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Replaces the value of a Vaadin field by typing, as a user would. */
    public void type(WebElement field, String value) {
        WebElement input = input(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!value.isEmpty()) {
            input.sendKeys(value);
        }
    }

    /** The native {@code <input>} (or {@code <textarea>}) a Vaadin field puts into its light DOM. */
    public WebElement input(WebElement field) {
        return waitUntil("the input of a field", browser -> {
            List<WebElement> inputs = field.findElements(By.cssSelector("input, textarea"));
            return inputs.isEmpty() ? null : inputs.get(0);
        });
    }

    /** The error message a Vaadin field shows, or an empty string. */
    public String errorMessageOf(WebElement field) {
        Object message = js("return arguments[0].invalid ? (arguments[0].errorMessage || '') : '';", field);
        return message == null ? "" : message.toString();
    }

    public boolean isDisabled(WebElement element) {
        return Boolean.TRUE.equals(js("return !!arguments[0].disabled || arguments[0].hasAttribute('disabled');", element));
    }

    /** Ticks (or unticks) the {@code vaadin-checkbox} or {@code vaadin-radio-button} with this label. */
    public void check(String label) {
        WebElement box = waitUntil("a checkbox or radio button \"" + label + "\"", browser -> {
            List<WebElement> found = visible("vaadin-checkbox, vaadin-radio-button").stream()
                    .filter(el -> label.equals(textOf(el)))
                    .toList();
            return found.isEmpty() ? null : found.get(0);
        });
        click(input(box));
    }

    // --- acting -------------------------------------------------------------------------------------

    /** Clicks an element; if something (an overlay's backdrop, a tooltip) is in the way, clicks by script. */
    public void click(WebElement element) {
        try {
            element.click();
        } catch (ElementClickInterceptedException e) {
            js("arguments[0].click();", element);
        }
    }

    /** Waits for a visible, enabled {@code vaadin-button} with this text and clicks it. */
    public void clickButton(String text) {
        WebElement button = waitUntil("an enabled button \"" + text + "\"", browser -> {
            List<WebElement> found = visible("vaadin-button", text).stream().filter(b -> !isDisabled(b)).toList();
            return found.isEmpty() ? null : found.get(0);
        });
        click(button);
    }

    /** Clicks a menu item by its text in the open sub-menu of a menu bar or context menu. */
    public void clickMenuItem(String text) {
        click(find("vaadin-menu-bar-item, vaadin-context-menu-item", text));
    }

    /** Clicks an entry of the side navigation. */
    public void navigateTo(String sideNavLabel) {
        click(find("vaadin-side-nav-item", sideNavLabel));
        waitForVaadin();
    }

    /**
     * What the user can act on now: the text (or accessible name) of every visible button, menu
     * item and link, and "trash icon" for every visible trash icon, after Vaadin is idle.
     */
    @SuppressWarnings("unchecked")
    public List<String> visibleActions() {
        waitForVaadin();
        return (List<String>) js(HELPERS + """
                const actions = deep('vaadin-button, vaadin-menu-bar-button, vaadin-menu-bar-item,'
                    + ' vaadin-context-menu-item, a[href], vaadin-icon', null).filter(shown);
                return actions.map(el => {
                  if (el.localName === 'vaadin-icon') {
                    return el.getAttribute('icon') === 'vaadin:trash' ? 'trash icon' : null;
                  }
                  const named = el.getAttribute('aria-label');
                  const own = text(el);
                  return named && named !== own ? (own ? own + ' [' + named + ']' : named) : own;
                }).filter(label => label);
                """);
    }

    // --- notifications ------------------------------------------------------------------------------

    /** The texts of the notifications shown now. */
    public List<String> notifications() {
        return visible("vaadin-notification-card").stream().map(this::textOf).toList();
    }

    /** Waits for a notification whose text satisfies {@code expected} and returns its text. */
    public String waitForNotification(String description, Predicate<String> expected) {
        return waitUntil("a notification " + description, browser -> notifications().stream()
                .filter(expected).findFirst().orElse(null));
    }

    public String waitForNotificationContaining(String part) {
        try {
            return waitForNotification("containing \"" + part + "\"", text -> text.contains(part));
        } catch (TimeoutException e) {
            throw new AssertionError("No notification containing \"" + part + "\"; shown: " + notifications(), e);
        }
    }

    // --- signing in and out ---------------------------------------------------------------------------

    /** Signs in through the real login form and waits for the page it leads to. */
    public void signIn(String username, String password) {
        open("/login");
        WebElement form = find("vaadin-login-form");
        type(findWithin(form, "vaadin-text-field[name=username]", null), username);
        WebElement passwordField = findWithin(form, "vaadin-password-field[name=password]", null);
        type(passwordField, password);
        input(passwordField).sendKeys(Keys.ENTER);
        String outcome = waitUntil("the sign-in of " + username + " to finish", browser -> {
            if (!path().startsWith("/login")) {
                return "signed in";
            }
            return driver.getCurrentUrl().contains("error") ? "refused" : null;
        });
        if (!outcome.equals("signed in")) {
            throw new AssertionError("The login form refused " + username);
        }
        waitForVaadin();
    }

    /** Forgets the session: leaves the application and deletes every cookie. */
    public void signOut() {
        try {
            if (baseUrl != null && driver.getCurrentUrl().startsWith(baseUrl)) {
                driver.manage().deleteAllCookies();
            }
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        } catch (WebDriverException e) {
            // the next test starts at the login page either way; a failing browser shows up there
        }
    }

    // --- the console ---------------------------------------------------------------------------------

    /**
     * What the page wrote to the console (and the browser about it: refused resources, Content
     * Security Policy violations) since the last call, as "LEVEL message"; reading empties the log.
     */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    /** The console messages that report a Content Security Policy violation. */
    public static List<String> contentSecurityPolicyViolations(List<String> consoleMessages) {
        return consoleMessages.stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }

    // --- screenshots --------------------------------------------------------------------------------

    /** Saves a screenshot of the whole window as {@code target/browser-screenshots/<name>.png}. */
    public Optional<Path> screenshot(String name) {
        try {
            Path file = SCREENSHOTS.resolve(safeFileName(name) + ".png");
            Files.createDirectories(file.getParent());
            File taken = driver.getScreenshotAs(OutputType.FILE);
            Files.move(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(file);
        } catch (IOException | WebDriverException e) {
            return Optional.empty();
        }
    }

    static String safeFileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._/-]+", "_").replaceAll("_+", "_");
    }

    // --- plumbing -----------------------------------------------------------------------------------

    public Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory; the system cleans it up eventually
        }
    }
}
