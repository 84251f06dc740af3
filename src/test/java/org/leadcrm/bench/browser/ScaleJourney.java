package org.leadcrm.bench.browser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leadcrm.e2e.Browser;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a user does with a million contacts, each step timed from the click (or key) that starts it
 * to the moment its result is on the screen, as the browser renders it: sign in, filter by a
 * status, scroll deep into the matches, sort, Bulk Edit all matching into a new list, and
 * permanently delete that list's contacts through its count-match confirmation.
 */
final class ScaleJourney {

    static final String STATUS = "Customer";
    static final String SORT_COLUMN = "Created";

    /** The steps, in order, with what ends each. */
    enum Step {
        FIRST_SIGN_IN("(the first sign-in after the start: the server loads and compiles the views' code)"),
        SIGN_IN("Sign in → first rows of the Contact Manager"),
        ROUND_TRIP("(for comparison: tick a box, a round trip without database work)"),
        FILTER("Status filter (" + STATUS + ") → count shown"),
        DEEP_SCROLL("Scroll to 90 % of the matches → rows shown"),
        SORT("Sort by " + SORT_COLUMN + " → rows shown"),
        BULK_EDIT("Bulk Edit all matching into a new list → success notification"),
        DELETE_DIALOG("Options → Permanently Delete All Contacts → dialog open"),
        DELETE_PREVIEW("Options → Permanently Delete All Contacts → counts shown"),
        DELETE("Type the count, Delete → result notification");

        final String label;

        Step(String label) {
            this.label = label;
        }

        /** Bulk work shows progress instead of its result within seconds. */
        boolean bulk() {
            return this == BULK_EDIT || this == DELETE;
        }

        /** Not a user step with a target: what the machine, the browser and Vaadin cost at the moment. */
        boolean baseline() {
            return this == ROUND_TRIP || this == FIRST_SIGN_IN;
        }
    }

    /** A step's time; for bulk work also when its progress appeared. */
    record Timing(double seconds, Double progressSeconds, String detail) {
    }

    /** Long: a step that takes minutes is a finding to report, not a reason to stop. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration BULK_TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern NUMBER = Pattern.compile("[\\d,]+");

    /** Functions for the scripts: the contact grid, its rendered body rows, whether a row is loaded. */
    private static final String GRID = """
            const grid = document.querySelector('vaadin-grid.contact-grid');
            const rows = () => grid ? [...grid.shadowRoot.querySelectorAll('#items > tr')] : [];
            const inView = tr => {
              const box = grid.shadowRoot.querySelector('#table').getBoundingClientRect();
              const r = tr.getBoundingClientRect();
              return !tr.hidden && r.height > 0 && r.bottom > box.top + 40 && r.top < box.bottom;
            };
            const cellText = tr => [...tr.querySelectorAll('slot')].map(s => {
              const content = s.assignedNodes()[0];
              return content ? content.textContent.trim() : '';
            }).join(' | ');
            """;

    /**
     * The rows the user sees: empty while the grid is loading or any row in view has no data yet,
     * otherwise the first visible row's index and the text of the rows in view.
     */
    private static final String VISIBLE_ROWS = GRID + """
            if (!grid || grid.hasAttribute('loading')) return null;
            const visible = rows().filter(inView);
            if (visible.length === 0 || visible.some(tr => tr.hasAttribute('loading'))) return null;
            const texts = visible.map(cellText);
            if (texts.some(t => !t.includes('@'))) return null;
            return [String(visible[0].index), texts.join('\\n')];
            """;

    private static final String VAADIN_IDLE = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) return false;
            const clients = Object.values(flow.clients).filter(c => c && typeof c.isActive === 'function');
            return clients.length > 0 && clients.every(c => !c.isActive());
            """;

    private final Browser browser;
    private final String listName;
    private final Map<Step, Timing> timings = new LinkedHashMap<>();

    ScaleJourney(Browser browser, String listName) {
        this.browser = browser;
        this.listName = listName;
    }

    /** Runs every step; a step that fails ends the journey with what was measured so far. */
    Map<Step, Timing> run(String username, String password) {
        // The first sign-in after the start is slower whatever the data: the server builds its first
        // views with cold code. A user signing in later does what the second one does.
        signIn(username, password, Step.FIRST_SIGN_IN);
        browser.driver().manage().deleteAllCookies();
        signIn(username, password, Step.SIGN_IN);
        roundTrip();
        long matches = filter();
        deepScroll(matches);
        sort();
        bulkEdit(matches);
        long members = openDeletePreview();
        delete(members);
        return timings;
    }

    Map<Step, Timing> timings() {
        return timings;
    }

    private void signIn(String username, String password, Step step) {
        browser.open("/login"); // loads the application's scripts once, untimed
        WebElement form = browser.find("vaadin-login-form");
        browser.type(browser.findWithin(form, "vaadin-text-field[name=username]", null), username);
        WebElement passwordField = browser.findWithin(form, "vaadin-password-field[name=password]", null);
        browser.type(passwordField, password);
        long start = System.nanoTime();
        browser.input(passwordField).sendKeys(Keys.ENTER);
        await("the first rows", STEP_TIMEOUT, () -> browser.path().startsWith("/login") ? null : visibleRows());
        record(step, start, null, signInBreakdown(start));
    }

    /**
     * Where the sign-in's time went, from the browser's own timing of the page it loaded: the sign-in
     * request and its redirect, the page and its scripts until they ran, and the rest (Vaadin starting,
     * the view built on the server, its first rows fetched).
     */
    private String signInBreakdown(long start) {
        double total = (System.nanoTime() - start) / 1e6;
        Object timing = browser.js("const n = performance.getEntriesByType('navigation')[0];"
                + " return n ? [n.redirectEnd > 0 ? n.redirectEnd : n.fetchStart, n.loadEventEnd] : null;");
        if (!(timing instanceof List<?> marks) || marks.size() != 2) {
            return "";
        }
        // Milliseconds since the sign-in request started, which is about when the key was pressed.
        double redirected = ((Number) marks.get(0)).doubleValue();
        double pageLoaded = ((Number) marks.get(1)).doubleValue();
        return String.format(Locale.ROOT, "sign-in request and redirect %.2f s, the page and its scripts %.2f s,"
                + " Vaadin starting, the view and its first rows %.2f s", redirected / 1000,
                (pageLoaded - redirected) / 1000, (total - pageLoaded) / 1000);
    }

    private void roundTrip() {
        WebElement box = browser.find(".bulk-bar vaadin-checkbox");
        long start = System.nanoTime();
        browser.click(browser.input(box));
        await("the box to be ticked and Vaadin idle", STEP_TIMEOUT, () ->
                Boolean.TRUE.equals(browser.js("return arguments[0].checked;", box)) && idle() ? true : null);
        record(Step.ROUND_TRIP, start, null, "");
        browser.click(browser.input(box));
        await("the box to be unticked", STEP_TIMEOUT, () ->
                Boolean.FALSE.equals(browser.js("return arguments[0].checked;", box)) && idle() ? true : null);
    }

    private long filter() {
        List<String> before = visibleRows();
        WebElement status = browser.field("Status");
        browser.click(browser.input(status));
        browser.input(status).sendKeys(STATUS);
        WebElement item = browser.find("vaadin-combo-box-item", STATUS);
        long start = System.nanoTime();
        browser.click(item);
        String count = await("the count of matching contacts", STEP_TIMEOUT, () -> {
            String text = matchCount();
            return text.endsWith("matching") && idle() ? text : null;
        });
        await("the matching rows", STEP_TIMEOUT, () -> changedRows(before));
        long matches = number(count);
        record(Step.FILTER, start, null, count);
        return matches;
    }

    private void deepScroll(long matches) {
        List<String> before = visibleRows();
        long target = matches * 9 / 10;
        long start = System.nanoTime();
        browser.js(GRID + "grid.scrollToIndex(arguments[0]);", target);
        List<String> rows = await("the rows at 90 %", STEP_TIMEOUT, () -> {
            List<String> now = changedRows(before);
            return now != null && Long.parseLong(now.get(0)) >= target - 100 ? now : null;
        });
        record(Step.DEEP_SCROLL, start, null, String.format(Locale.ROOT, "row %,d of %,d", Long.parseLong(rows.get(0)) + 1,
                matches));
    }

    private void sort() {
        List<String> before = visibleRows();
        WebElement sorter = browser.find("vaadin-grid-sorter", SORT_COLUMN);
        long start = System.nanoTime();
        browser.click(sorter);
        List<String> rows = await("the rows sorted by " + SORT_COLUMN, STEP_TIMEOUT, () -> changedRows(before));
        record(Step.SORT, start, null, String.format(Locale.ROOT, "first row shown: %,d", Long.parseLong(rows.get(0)) + 1));
    }

    private void bulkEdit(long matches) {
        browser.click(browser.find("vaadin-checkbox", "Select all " + String.format(Locale.US, "%,d", matches)
                + " matching"));
        browser.clickButton("Add to list…");
        WebElement dialog = browser.dialog();
        browser.check("A new manual list");
        browser.type(browser.fieldWithin(dialog, "Name of the new list"), listName);
        WebElement add = browser.findWithin(dialog, "vaadin-button", "Add to list");
        long start = System.nanoTime();
        browser.click(add);
        String[] results = {"Added ", "Nothing was changed", "could not"};
        Double progress = progressShown(start, "Creating " + listName, results);
        String result = await("the result of Bulk Edit", BULK_TIMEOUT, () -> notificationContaining(results));
        record(Step.BULK_EDIT, start, progress, result);
        requireSuccess(result, "Added ");
    }

    /**
     * Times the confirmation twice from the same click: until it is open (its counts may still
     * read "counting…") and until its counts are in.
     */
    private long openDeletePreview() {
        browser.navigateTo("Lists");
        browser.gridCell(listName);
        browser.click(browser.find("vaadin-menu-bar-item[aria-label=\"Options for " + listName + "\"]", "Options"));
        WebElement item = browser.find("vaadin-menu-bar-item", "Permanently Delete All Contacts");
        long start = System.nanoTime();
        browser.click(item);
        List<String> opened = await("the confirmation to open", STEP_TIMEOUT, () -> {
            List<String> texts = confirmationFacts();
            return texts.isEmpty() ? null : texts;
        });
        record(Step.DELETE_DIALOG, start, null, opened.stream().anyMatch(ScaleJourney::counting)
                ? "opened while counting" : "opened with the counts already in");
        List<String> facts = await("the counts of the confirmation", STEP_TIMEOUT, () -> {
            List<String> texts = confirmationFacts();
            boolean counted = !texts.isEmpty() && texts.stream().allMatch(t -> t.matches(".*\\d.*"))
                    && texts.stream().noneMatch(ScaleJourney::counting);
            return counted ? texts : null;
        });
        record(Step.DELETE_PREVIEW, start, null, String.join("; ", facts));
        return number(facts.stream().filter(t -> t.startsWith("Contacts in the list")).findFirst().orElseThrow());
    }

    private void delete(long members) {
        WebElement dialog = browser.dialog();
        WebElement count = browser.fieldWithin(dialog, "Type the number of contacts in this list to confirm");
        browser.type(count, String.valueOf(members));
        WebElement delete = browser.findWithin(dialog, "vaadin-button", "Delete");
        await("Delete to be enabled", STEP_TIMEOUT, () -> browser.isDisabled(delete) ? null : true);
        long start = System.nanoTime();
        browser.click(delete);
        String[] results = {"Deleted ", "Nothing was changed", "could not"};
        Double progress = progressShown(start, "Deleting the contacts of " + listName, results);
        String result = await("the result of the delete", BULK_TIMEOUT, () -> notificationContaining(results));
        record(Step.DELETE, start, progress, result);
        requireSuccess(result, "Deleted ");
    }

    // --- waiting and reading ------------------------------------------------------------------------

    /**
     * Seconds from {@code start} until the progress dialog titled {@code title} showed, or null if
     * the result came without one (small operations run at once).
     */
    private Double progressShown(long start, String title, String... results) {
        // (not a Boolean: the wait would take false for "not yet")
        String shown = await("progress or a result", BULK_TIMEOUT, () -> {
            if (browser.visible("vaadin-dialog-overlay[opened]").stream().anyMatch(d -> browser.textOf(d).contains(title))) {
                return "progress";
            }
            return notificationContaining(results) == null ? null : "result";
        });
        return shown.equals("progress") ? (System.nanoTime() - start) / 1e9 : null;
    }

    /** The facts listed in the open confirmation dialog, none while it is not open. */
    private List<String> confirmationFacts() {
        return browser.visible("vaadin-dialog-overlay[opened] li").stream().map(browser::textOf).toList();
    }

    private static boolean counting(String fact) {
        return fact.toLowerCase(Locale.ROOT).contains("counting");
    }

    private String notificationContaining(String... parts) {
        return browser.notifications().stream()
                .filter(text -> java.util.Arrays.stream(parts).anyMatch(text::contains))
                .findFirst().orElse(null);
    }

    private static void requireSuccess(String result, String expected) {
        if (!result.startsWith(expected)) {
            throw new IllegalStateException("The operation failed: " + result);
        }
    }

    private String matchCount() {
        List<WebElement> found = browser.visible(".match-count");
        return found.isEmpty() ? "" : browser.textOf(found.get(0));
    }

    /** The first visible row's index and the visible rows' text, or null while any of them is loading. */
    @SuppressWarnings("unchecked")
    private List<String> visibleRows() {
        return (List<String>) browser.js(VISIBLE_ROWS);
    }

    /** The visible rows once they are loaded and differ from {@code before}, and the application is idle. */
    private List<String> changedRows(List<String> before) {
        List<String> now = visibleRows();
        return now != null && (before == null || !now.get(1).equals(before.get(1))) && idle() ? now : null;
    }

    private boolean idle() {
        return Boolean.TRUE.equals(browser.js(VAADIN_IDLE));
    }

    /** Polls {@code condition} until it yields a value; tells what the page shows every half minute meanwhile. */
    private <T> T await(String what, Duration timeout, Supplier<T> condition) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), timeout, Duration.ofMillis(25));
        wait.withMessage("waiting for " + what);
        wait.ignoring(StaleElementReferenceException.class);
        long started = System.nanoTime();
        long[] reported = {started};
        return wait.until(driver -> {
            T value = condition.get();
            if (value == null && System.nanoTime() - reported[0] > 30e9) {
                reported[0] = System.nanoTime();
                System.out.printf(Locale.ROOT, "[browser] still waiting for %s after %.0f s; dialogs %s, notifications %s%n",
                        what, (reported[0] - started) / 1e9, browser.visible("vaadin-dialog-overlay[opened]").stream()
                                .map(browser::textOf).toList(), browser.notifications());
                browser.screenshot("scale-check-waiting");
            }
            return value;
        });
    }

    private void record(Step step, long startNanos, Double progress, String detail) {
        Timing timing = new Timing((System.nanoTime() - startNanos) / 1e9, progress, detail);
        timings.put(step, timing);
        System.out.printf(Locale.ROOT, "[browser] %s: %.2f s%s — %s%n", step.label, timing.seconds(),
                progress == null ? "" : String.format(Locale.ROOT, " (progress after %.2f s)", progress), detail);
    }

    private static long number(String text) {
        Matcher matcher = NUMBER.matcher(text);
        long last = -1;
        while (matcher.find()) {
            last = Long.parseLong(matcher.group().replace(",", ""));
        }
        if (last < 0) {
            throw new IllegalStateException("No number in \"" + text + "\"");
        }
        return last;
    }
}
