package org.leadcrm.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark's settings, from system properties (see {@link LeadCrmBenchmark}).
 *
 * @param databases  {@code bench.databases}: h2, postgres or both (default)
 * @param sizes      {@code bench.sizes}: dataset sizes in contacts; those below {@code gridOnlyBelow}
 *                   only measure the Contact Manager's queries
 * @param runs       {@code bench.runs}: timed runs of each measurement (medians are printed)
 * @param naiveRuns  {@code bench.naive.runs}: timed runs of the naive JPA baseline (3), wherever it
 *                   is expected to finish within {@code naiveLimitMinutes}
 * @param naiveLimitMinutes {@code bench.naive.limit-minutes}: the naive baseline is run only where
 *                   the time per row of the largest size measured so far, times the rows, stays
 *                   within this (10); beyond, it is extrapolated so. With nothing measured yet to
 *                   go by, it is tried on at most {@value #NAIVE_UNMEASURED_MAX} rows.
 * @param workDir    {@code bench.dir}: where the H2 files and the report go
 * @param profile    {@code bench.profile}: instead of timing, run each operation once on the largest
 *                   list with every SQL statement timed, then once more with each explained
 *                   ({@code EXPLAIN ANALYZE}), and write them to {@code profile.md}
 * @param operations {@code bench.operations}: which measurements to run, of {@link #OPERATIONS}
 *                   (default all), e.g. {@code delete-list,delete-matching}
 * @param mode       {@code bench.mode}: {@code services} (the default: the service benchmark),
 *                   {@code generate} (how long generating {@code bench.sizes} contacts takes, see
 *                   {@link GenerationBenchmark}), {@code browser} (the user-level scale check in a
 *                   browser, see {@link org.leadcrm.bench.browser.ScaleCheck}), {@code serve} (the
 *                   application on a generated database, to try by hand; see
 *                   {@link org.leadcrm.bench.browser.ScaleCheck#serve()})
 * @param sizesGiven whether {@code bench.sizes} was set
 */
record BenchConfig(boolean quick, List<BenchDb> databases, List<Integer> sizes, int gridOnlyBelow, int runs,
        int naiveRuns, int naiveLimitMinutes, Path workDir, boolean profile, Set<String> operations,
        String mode, boolean sizesGiven) {

    /** The most rows the naive baseline is tried on with no smaller measurement to predict its time from. */
    static final int NAIVE_UNMEASURED_MAX = 100_000;

    /**
     * The measurements: the grid's queries, a list's permanent delete, Remove All, Bulk Edit, deleting all
     * matching a filter, Export CSV, and importing a file of as many rows as the dataset has contacts.
     */
    static final List<String> OPERATIONS = List.of("grid", "delete-list", "remove-list", "bulk-edit", "delete-matching",
            "export", "import");

    boolean runs(String operation) {
        return operations.contains(operation);
    }

    static BenchConfig fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(property("bench.quick", "false"));
        List<BenchDb> databases = Arrays.stream(property("bench.databases", "h2,postgres").split(","))
                .map(String::strip)
                .map(name -> switch (name.toLowerCase(Locale.ROOT)) {
                    case "h2" -> BenchDb.H2;
                    case "postgres", "postgresql", "pg" -> BenchDb.POSTGRES;
                    default -> throw new IllegalArgumentException("bench.databases: h2 or postgres, not " + name);
                })
                .toList();
        List<Integer> sizes = Arrays.stream(property("bench.sizes",
                        quick ? "1000,10000,50000" : "1000,100000,1000000").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .sorted()
                .toList();
        return new BenchConfig(quick, databases, sizes,
                integer("bench.grid-only-below", 10_000),
                integer("bench.runs", quick ? 3 : 5),
                integer("bench.naive.runs", 3),
                integer("bench.naive.limit-minutes", 10),
                Path.of(property("bench.dir", "target/bench")),
                Boolean.parseBoolean(property("bench.profile", "false")),
                operations(property("bench.operations", String.join(",", OPERATIONS))),
                property("bench.mode", "services").toLowerCase(Locale.ROOT),
                !property("bench.sizes", "").isEmpty());
    }

    /** {@code bench.sizes} if it was set, otherwise {@code defaults}. */
    List<Integer> sizesOr(List<Integer> defaults) {
        return sizesGiven ? sizes : defaults;
    }

    private static Set<String> operations(String value) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String operation = name.strip().toLowerCase(Locale.ROOT);
            if (!OPERATIONS.contains(operation)) {
                throw new IllegalArgumentException("bench.operations: " + OPERATIONS + ", not " + operation);
            }
            chosen.add(operation);
        }
        return chosen;
    }

    /** A system property, blank counting as unset (Maven passes unset ones on as empty). */
    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static int integer(String name, int defaultValue) {
        return Integer.parseInt(property(name, String.valueOf(defaultValue)));
    }
}
