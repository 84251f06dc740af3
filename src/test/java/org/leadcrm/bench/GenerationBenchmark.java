package org.leadcrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leadcrm.demo.GeneratedData;
import org.leadcrm.demo.LargeDatasetGenerator;

/**
 * {@code -Dbench.mode=generate}: how long the README's "a million contacts" takes, on H2 (a file,
 * as {@code ./mvnw spring-boot:run} has it) and on PostgreSQL. Each run starts the application on
 * an empty database with the demo data (as a first {@code spring-boot:run} does), then times
 * {@link LargeDatasetGenerator#generate(int)} and reports the size of the H2 file. Sizes come from
 * {@code bench.sizes} (default 1,000,000); the table goes to {@code target/bench/generation.md}.
 */
final class GenerationBenchmark {

    private GenerationBenchmark() {
    }

    static void run(BenchConfig config, List<Integer> sizes) {
        long started = System.nanoTime();
        // the generator's progress; a system property, as the logging is set up before the application's settings
        System.setProperty("logging.level.org.leadcrm.demo", "info");
        List<String> rows = new ArrayList<>();
        for (BenchDb db : config.databases()) {
            for (int size : sizes) {
                System.out.printf(Locale.ROOT, "[generate] %s: starting the application with the demo data%n", db.label());
                try (BenchApp app = BenchApp.start(db, config.workDir(), false,
                        Map.of("leadcrm.demo-data.enabled", "true"))) {
                    String version = app.plainJdbc().queryForObject(db == BenchDb.POSTGRES
                            ? "select current_setting('server_version')" : "select h2version()", String.class);
                    System.out.printf(Locale.ROOT, "[generate] %s %s: generating %,d contacts%n", db.label(), version, size);
                    GeneratedData data = app.bean(LargeDatasetGenerator.class).generate(size);
                    String fileSize = db == BenchDb.H2 ? megabytes(app.h2File()) : "–";
                    rows.add(String.format(Locale.ROOT, "| %s %s | %,d | %.0f s | %,.0f | %s | %,d | %,d |",
                            db.label(), version, data.contacts(), data.took().toMillis() / 1e3,
                            data.contacts() / (data.took().toMillis() / 1e3), fileSize, data.listMembers(),
                            data.opportunities()));
                    System.out.println("[generate] " + rows.get(rows.size() - 1));
                }
            }
        }
        String markdown = "| database | contacts | generation | contacts/s | H2 file | list members | opportunities |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n" + String.join("\n", rows) + "\n";
        System.out.println();
        System.out.println(markdown);
        try {
            Files.createDirectories(config.workDir());
            Path out = config.workDir().resolve("generation.md");
            Files.writeString(out, markdown);
            System.out.printf(Locale.ROOT, "[generate] written to %s; total %.1f min%n", out,
                    (System.nanoTime() - started) / 6e10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(Path file) {
        try {
            return String.format(Locale.ROOT, "%,d MB", Files.size(file) / 1_048_576);
        } catch (IOException e) {
            return "?";
        }
    }
}
