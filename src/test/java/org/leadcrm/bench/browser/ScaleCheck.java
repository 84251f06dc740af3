package org.leadcrm.bench.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leadcrm.bench.browser.ScaleJourney.Step;
import org.leadcrm.bench.browser.ScaleJourney.Timing;
import org.leadcrm.e2e.Browser;
import org.leadcrm.testsupport.TestDatabaseInitializer.Database;

/**
 * {@code -Dbench.mode=browser}: the user-level scale check. For each database it starts the
 * application on a freshly generated database ({@code bench.sizes}, default 1,000,000 contacts),
 * signs in as the demo administrator in a headless Chromium and times the {@link ScaleJourney},
 * then prints the times of both databases side by side and writes them to
 * {@code <bench.dir>/scale-check.md}. Not part of {@code ./mvnw verify}.
 */
public final class ScaleCheck {

    /** Within this a step that shows a result should show it (bulk work shows progress instead). */
    private static final Map<Database, Double> TARGET_SECONDS = Map.of(Database.POSTGRES, 2.0, Database.H2, 5.0);

    private ScaleCheck() {
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            run();
        } catch (RuntimeException | AssertionError e) {
            e.printStackTrace();
            exit = 1;
        }
        // The embedded PostgreSQL server and the applications' threads would keep the JVM alive.
        System.exit(exit);
    }

    /**
     * {@code -Dbench.mode=serve}: the application on a generated database for a person to try, on
     * embedded PostgreSQL by default ({@code bench.databases}), with {@code bench.sizes} contacts
     * (default 1,000,000), at http://localhost:{@code bench.port} (default 8080), until stopped.
     */
    public static void serve() {
        Database db = property("bench.databases", "postgres").strip().toLowerCase(Locale.ROOT).startsWith("h2")
                ? Database.H2 : Database.POSTGRES;
        int contacts = Integer.parseInt(property("bench.sizes", "1000000").split(",")[0].strip());
        int port = Integer.parseInt(property("bench.port", "8080"));
        ScaleCheckApp app = ScaleCheckApp.start(db, contacts, Path.of(property("bench.dir", "target/bench")), port);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "scale-app-shutdown"));
        System.out.printf(Locale.ROOT, "%n[serve] %s with %,d generated contacts, started in %.0f s: %s"
                + " (sign in as admin, password demo); Ctrl+C stops it and drops the database%n",
                label(db), contacts, app.startSeconds(), app.url());
    }

    private static void run() {
        if (!Files.isExecutable(Browser.CHROMIUM) || !Files.isExecutable(Browser.CHROMEDRIVER)) {
            throw new IllegalStateException("The scale check needs " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver");
        }
        List<Database> databases = Arrays.stream(property("bench.databases", "h2,postgres").split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT).startsWith("h2") ? Database.H2 : Database.POSTGRES)
                .toList();
        int contacts = Integer.parseInt(property("bench.sizes", "1000000").split(",")[0].strip());
        Path workDir = Path.of(property("bench.dir", "target/bench"));

        Map<Database, Map<Step, Timing>> results = new LinkedHashMap<>();
        Map<Database, Double> starts = new LinkedHashMap<>();
        Map<Database, String> loads = new LinkedHashMap<>();
        Map<Database, String> failures = new LinkedHashMap<>();
        for (Database db : databases) {
            System.out.printf(Locale.ROOT, "[browser] %s: starting the application with %,d generated contacts%n", db, contacts);
            try (ScaleCheckApp app = ScaleCheckApp.start(db, contacts, workDir)) {
                starts.put(db, app.startSeconds());
                System.out.printf(Locale.ROOT, "[browser] %s: started in %.0f s%n", db, app.startSeconds());
                try (Browser browser = Browser.start()) {
                    browser.useApp(app.url());
                    ScaleJourney journey = new ScaleJourney(browser, "Scale check " + label(db));
                    results.put(db, journey.timings());
                    String loadBefore = loadAverage();
                    try {
                        journey.run("admin", "demo");
                        loads.put(db, loadBefore + " / " + loadAverage());
                    } catch (RuntimeException e) {
                        browser.screenshot("scale-check-" + db.name().toLowerCase(Locale.ROOT))
                                .ifPresent(file -> System.err.println("Screenshot: " + file));
                        failures.put(db, e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
                        e.printStackTrace();
                    }
                }
            }
        }
        String markdown = markdown(contacts, databases, results, starts, loads, failures);
        System.out.println();
        System.out.println(markdown);
        try {
            Files.createDirectories(workDir);
            Path out = workDir.resolve("scale-check.md");
            Files.writeString(out, markdown);
            System.out.println("[browser] written to " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The journey failed on " + failures.keySet());
        }
    }

    static String markdown(int contacts, List<Database> databases, Map<Database, Map<Step, Timing>> results,
            Map<Database, Double> starts, Map<Database, String> loads, Map<Database, String> failures) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Scale check at %,d generated contacts: from the click to the result on the "
                + "screen (headless Chromium).%n%n", contacts));
        md.append("| step |");
        databases.forEach(db -> md.append(' ').append(label(db)).append(" |"));
        md.append(" target |\n|---|");
        databases.forEach(db -> md.append("---:|"));
        md.append("---|\n");
        for (Step step : Step.values()) {
            md.append("| ").append(step.label).append(" |");
            for (Database db : databases) {
                Timing timing = results.getOrDefault(db, Map.of()).get(step);
                md.append(' ').append(timing == null ? "–" : cell(db, step, timing)).append(" |");
            }
            md.append(step.baseline() ? " |" : step.bulk() ? " progress shown at once |" : " ≤ 2 s PostgreSQL, ≤ 5 s H2 |")
                    .append('\n');
        }
        md.append("| (start with demo data and generation, not a user step) |");
        databases.forEach(db -> md.append(starts.containsKey(db)
                ? String.format(Locale.ROOT, " %.0f s |", starts.get(db)) : " – |"));
        md.append(" |\n");
        List<String> notes = new ArrayList<>();
        for (Database db : databases) {
            Map<Step, Timing> timings = results.getOrDefault(db, Map.of());
            timings.forEach((step, timing) -> {
                if (step == Step.FILTER || step == Step.DELETE_PREVIEW || step == Step.DELETE) {
                    notes.add("- " + label(db) + ", " + step.label.split(" →")[0] + ": " + timing.detail());
                } else if (step == Step.DELETE_DIALOG) {
                    notes.add("- " + label(db) + ", the confirmation: " + timing.detail());
                }
            });
            if (loads.containsKey(db)) {
                notes.add("- " + label(db) + ": load average of the machine (2 cores) before and after the journey: "
                        + loads.get(db));
            }
            if (failures.containsKey(db)) {
                notes.add("- " + label(db) + ": the journey stopped: " + failures.get(db));
            }
        }
        if (!notes.isEmpty()) {
            md.append('\n').append(String.join("\n", notes)).append('\n');
        }
        return md.toString();
    }

    private static String cell(Database db, Step step, Timing timing) {
        String time = String.format(Locale.ROOT, timing.seconds() < 10 ? "%.1f s" : "%.0f s", timing.seconds());
        if (step.baseline()) {
            return time;
        }
        if (step.bulk()) {
            return time + (timing.progressSeconds() == null ? ""
                    : String.format(Locale.ROOT, " (progress after %.1f s)", timing.progressSeconds()));
        }
        return timing.seconds() <= TARGET_SECONDS.get(db) ? time : "**" + time + "**";
    }

    /** The one-minute load average, where the system tells it. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String label(Database db) {
        return db == Database.H2 ? "H2" : "PostgreSQL";
    }

    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }
}
