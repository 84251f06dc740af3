package org.leadcrm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every timed run of the benchmark, grouped by what was measured, and the markdown made of them. */
final class Results {

    static final String OURS = "ours";
    /** Importing a CSV file: its own section, as its target differs (≤ 2× the database's bulk load). */
    static final String IMPORT_SECTION = "f";
    static final String HAND = "hand SQL";
    static final String NAIVE = "naive JPA";
    static final String DATABASE = "database's own export";
    static final String NO_FK = "no-FK reference";
    /** The operation the naive JPA baseline is measured, and extrapolated, for. */
    static final String LIST_DELETE = "Permanently Delete All Contacts";

    /** One measured thing: an operation on a database at a size; its variants are ours, hand SQL, naive, no-FK. */
    record Key(BenchDb db, String section, String operation, long size, long datasetSize) {

        /** The operation whatever the filter: "Bulk Edit: add all matching" for "… (no filter)". */
        String family() {
            int bracket = operation.indexOf(" (");
            return bracket < 0 ? operation : operation.substring(0, bracket);
        }
    }

    static final class Series {
        final List<Double> millis = new ArrayList<>();
        final List<Long> heapPeak = new ArrayList<>();
        final List<Long> heapLive = new ArrayList<>();
        /** Why a run did not finish (the naive baseline running out of heap), or null. */
        String failure;

        double medianMillis() {
            return median(millis);
        }

        double medianHeapPeakMb() {
            return median(heapPeak.stream().map(b -> b / 1048576.0).toList());
        }

        double maxHeapPeakMb() {
            return heapPeak.stream().mapToDouble(b -> b / 1048576.0).max().orElse(Double.NaN);
        }

        /** The largest live growth seen after a collection, or NaN if no collection ran in any run. */
        double maxHeapLiveMb() {
            return heapLive.stream().filter(b -> b >= 0).mapToDouble(b -> b / 1048576.0).max().orElse(Double.NaN);
        }

        int runs() {
            return millis.size();
        }
    }

    private final Map<Key, Map<String, Series>> series = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Series series(Key key, String variant) {
        return series.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(variant, v -> new Series());
    }

    void note(String note) {
        notes.add(note);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // --- markdown ---------------------------------------------------------------------------------

    String markdown(BenchConfig config, Map<BenchDb, String> environment) {
        StringBuilder md = new StringBuilder();
        md.append("# LeadCRM benchmark results\n\n");
        md.append("Medians of the timed runs (wall clock around the service call or the hand-written transaction,"
                + " commit included); the database is restored to its generated state after every destructive run."
                + " Ratios are of medians measured in the same run.\n\n");
        md.append(String.format(Locale.ROOT, "Settings: sizes %s, %d runs per measurement (naive JPA: %d, wherever the"
                + " time per row of the largest size measured before predicted at most %d minutes; otherwise extrapolated"
                + " from it, linearly), quick=%s. Before every timed run the pool's connections are opened and the tables"
                + " and indexes read into the database's cache.%n%n",
                config.sizes(), config.runs(), config.naiveRuns(), config.naiveLimitMinutes(), config.quick()));
        for (BenchDb db : config.databases()) {
            md.append("## ").append(db.label()).append("\n\n");
            if (environment.containsKey(db)) {
                md.append(environment.get(db)).append("\n\n");
            }
            operations(md, db);
            grid(md, db);
            heap(md, db);
            exports(md, db);
        }
        if (!notes.isEmpty()) {
            md.append("## Notes from the run\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private void operations(StringBuilder md, BenchDb db) {
        md.append("### (a)–(c), (f) List Options, Bulk Edit, deleting all matching and importing: ours against"
                + " independent hand SQL, naive JPA and the no-FK reference\n\n");
        md.append("\"No-FK\": the hand SQL with the foreign-key checks switched off, the same rows deleted; \"FK share\":"
                + " (hand − no-FK) / hand, the part of the hand SQL's time that is the database's integrity work.\n\n");
        md.append("| operation | rows | dataset | ours ms | hand SQL ms | ours / hand | naive JPA ms | naive / ours"
                + " | no-FK ms | FK share | runs (ours/hand/no-FK/naive) | targets |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        List<Map.Entry<Key, Map<String, Series>>> rows = series.entrySet().stream()
                .filter(e -> e.getKey().db() == db && List.of("a", "b", "c", IMPORT_SECTION).contains(e.getKey().section())).toList();
        for (var entry : rows) {
            Key key = entry.getKey();
            Series ours = entry.getValue().get(OURS);
            Series hand = entry.getValue().get(HAND);
            Series naive = entry.getValue().get(NAIVE);
            Series noFk = entry.getValue().get(NO_FK);
            double oursMs = median(ours);
            double handMs = median(hand);
            double noFkMs = median(noFk);
            boolean extrapolated = naive == null || naive.runs() == 0;
            double naiveMs = extrapolated ? predictNaiveMillis(key) : naive.medianMillis();
            String mark = extrapolated ? "≈" : "";
            String naiveCell = Double.isNaN(naiveMs) ? "–" : mark + ms(naiveMs) + (extrapolated ? " (extrapolated)" : "");
            if (naive != null && naive.failure != null) {
                naiveCell = naive.failure + (Double.isNaN(naiveMs) ? "" : "; " + naiveCell);
            }
            String naiveRatio = Double.isNaN(naiveMs) || Double.isNaN(oursMs) ? "–" : mark + ratio(naiveMs / oursMs);
            String fkShare = Double.isNaN(noFkMs) || Double.isNaN(handMs) ? "–"
                    : String.format(Locale.ROOT, "%.0f %%", 100 * (handMs - noFkMs) / handMs);
            double oursOverHand = oursMs / handMs;
            StringBuilder targets = new StringBuilder();
            if (key.section().equals(IMPORT_SECTION)) {
                targets.append(check("ours/hand ≤ 2", oursOverHand <= 2));
            } else {
                targets.append(check("ours/hand ≤ 1.5", oursOverHand <= 1.5));
            }
            if (key.operation().equals(LIST_DELETE) && !Double.isNaN(naiveMs)) {
                targets.append("; ").append(check("naive/ours ≥ 50" + (extrapolated ? " (extrapolated)" : ""),
                        naiveMs / oursMs >= 50));
            }
            md.append(String.format(Locale.ROOT, "| (%s) %s | %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %d/%d/%d/%d | %s |%n",
                    key.section(), key.operation(), key.size(), key.datasetSize(), ms(oursMs), ms(handMs),
                    ratio(oursOverHand), naiveCell, naiveRatio, ms(noFkMs), fkShare,
                    runs(ours), runs(hand), runs(noFk), runs(naive), targets));
        }
        md.append('\n');
    }

    private static double median(Series series) {
        return series == null ? Double.NaN : series.medianMillis();
    }

    private static int runs(Series series) {
        return series == null ? 0 : series.runs();
    }

    /**
     * What the naive baseline would take for this operation at this size: the time per row of the
     * largest size of the same operation (whatever the filter) measured so far on this database,
     * times the rows. Linear: the naive version does a fixed number of round trips per row, and
     * its persistence context only grows, so this is rather an underestimate. NaN if nothing was
     * measured.
     */
    double predictNaiveMillis(Key key) {
        return series.entrySet().stream()
                .filter(e -> e.getKey().db() == key.db() && e.getKey().family().equals(key.family())
                        && e.getValue().containsKey(NAIVE) && e.getValue().get(NAIVE).runs() > 0 && e.getKey().size() > 0)
                .max((x, y) -> Long.compare(x.getKey().size(), y.getKey().size()))
                .map(e -> e.getValue().get(NAIVE).medianMillis() / e.getKey().size() * key.size())
                .orElse(Double.NaN);
    }

    private void grid(StringBuilder md, BenchDb db) {
        List<Map.Entry<Key, Map<String, Series>>> rows = series.entrySet().stream()
                .filter(e -> e.getKey().db() == db && e.getKey().section().equals("d")).toList();
        if (rows.isEmpty()) {
            return;
        }
        List<Long> sizes = rows.stream().map(e -> e.getKey().datasetSize()).distinct().sorted().toList();
        List<String> operations = rows.stream().map(e -> e.getKey().operation()).distinct().toList();
        md.append("### (d) Contact Manager: ContactService at each dataset size (ms)\n\n");
        md.append("| query |");
        sizes.forEach(size -> md.append(String.format(Locale.ROOT, " %,d contacts |", size)));
        md.append(" largest / smallest | target |\n|---|");
        sizes.forEach(size -> md.append("---:|"));
        md.append("---:|---|\n");
        for (String operation : operations) {
            md.append("| ").append(operation).append(" |");
            double first = Double.NaN;
            double last = Double.NaN;
            for (long size : sizes) {
                double value = rows.stream()
                        .filter(e -> e.getKey().operation().equals(operation) && e.getKey().datasetSize() == size)
                        .map(e -> e.getValue().get(OURS).medianMillis()).findFirst().orElse(Double.NaN);
                md.append(' ').append(ms(value)).append(" |");
                if (Double.isNaN(first)) {
                    first = value;
                }
                last = value;
            }
            md.append(' ').append(ratio(last / first)).append(" | ");
            if (operation.startsWith("first page")) {
                md.append(check("largest/smallest ≤ 1.5", last / first <= 1.5));
            } else if (operation.startsWith("deep page")) {
                md.append(check("< 200 ms", last < 200));
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    private void heap(StringBuilder md, BenchDb db) {
        List<Map.Entry<Key, Map<String, Series>>> rows = series.entrySet().stream()
                .filter(e -> e.getKey().db() == db
                        && (e.getKey().section().equals("a") || e.getKey().section().equals(IMPORT_SECTION))).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("### (e) Heap growth during the permanent deletes and imports (MB)\n\n");
        md.append("Peak used heap minus the baseline after `System.gc()`, sampled every 10 ms (median of the runs, max in"
                + " brackets; garbage not yet collected counts). \"Live\" is the most heap left after any collection"
                + " during a run, minus the baseline (– when no collection ran).\n\n");
        md.append("| operation | contacts | dataset | ours peak | ours live | hand SQL peak | naive JPA peak | naive JPA live | target (ours ≤ 64 MB) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (var entry : rows) {
            Series ours = entry.getValue().get(OURS);
            Series hand = entry.getValue().get(HAND);
            Series naive = entry.getValue().get(NAIVE);
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %s | %s | %s |%n",
                    entry.getKey().operation(), entry.getKey().size(), entry.getKey().datasetSize(),
                    heapCell(ours), mb(ours == null ? Double.NaN : ours.maxHeapLiveMb()), heapCell(hand), heapCell(naive),
                    mb(naive == null ? Double.NaN : naive.maxHeapLiveMb()),
                    ours == null ? "" : check("peak ≤ 64 MB", ours.medianHeapPeakMb() <= 64)
                            + (Double.isNaN(ours.maxHeapLiveMb()) ? "" : "; " + check("live ≤ 64 MB", ours.maxHeapLiveMb() <= 64))));
        }
        md.append('\n');
    }

    private void exports(StringBuilder md, BenchDb db) {
        List<Map.Entry<Key, Map<String, Series>>> rows = series.entrySet().stream()
                .filter(e -> e.getKey().db() == db && e.getKey().section().equals("x")).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("### (x) Export CSV: ours against the database's own bulk export of the same rows\n\n");
        md.append("Ours: ContactExportService to a stream that counts bytes. The database's: "
                + (db == BenchDb.POSTGRES ? "`COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)` through pgjdbc's CopyManager"
                        : "`CALL CSVWRITE(file, 'SELECT …')`")
                + ". Heap: peak growth as in (e), median of the runs (max in brackets), and live after a collection.\n\n");
        md.append("| export | rows | dataset | ours ms | ours rows/s | database ms | database rows/s | ours / database"
                + " | ours heap peak | ours live | database heap peak | targets (PostgreSQL) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (var entry : rows) {
            Key key = entry.getKey();
            Series ours = entry.getValue().get(OURS);
            Series database = entry.getValue().get(DATABASE);
            double oursMs = ours.medianMillis();
            double databaseMs = database == null ? Double.NaN : database.medianMillis();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s; %s |%n",
                    key.operation(), key.size(), key.datasetSize(), ms(oursMs), perSecond(key.size(), oursMs),
                    ms(databaseMs), perSecond(key.size(), databaseMs), ratio(oursMs / databaseMs), heapCell(ours),
                    mb(ours.maxHeapLiveMb()), heapCell(database), check("ours/database ≤ 2", oursMs / databaseMs <= 2),
                    check("peak ≤ 64 MB", ours.medianHeapPeakMb() <= 64)));
        }
        md.append('\n');
    }

    private static String perSecond(long rows, double millis) {
        return Double.isNaN(millis) || millis <= 0 ? "–" : String.format(Locale.ROOT, "%,.0f", rows / (millis / 1000));
    }

    private static String heapCell(Series series) {
        if (series == null || series.heapPeak.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.0f (%.0f)", series.medianHeapPeakMb(), series.maxHeapPeakMb());
    }

    private static String check(String target, boolean met) {
        return (met ? "met: " : "MISSED: ") + target;
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f", millis) : String.format(Locale.ROOT, "%.2f", millis);
    }

    static String mb(double mb) {
        return Double.isNaN(mb) ? "–" : String.format(Locale.ROOT, "%.0f", mb);
    }

    static String ratio(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "–";
        }
        return ratio >= 10 ? String.format(Locale.ROOT, "%.0f×", ratio) : String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
