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
    /** The operation the naive JPA baseline is measured, and extrapolated, for. */
    static final String LIST_DELETE = "Permanently Delete All Contacts";

    /** One measured thing: an operation on a database at a size; its variants are ours, hand SQL, naive. */
    record Key(BenchDb db, String section, String operation, long size, long datasetSize) {
    }

    static final class Series {
        final List<Double> millis = new ArrayList<>();
        final List<Long> heapPeak = new ArrayList<>();
        final List<Long> heapLive = new ArrayList<>();

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
        md.append(String.format(Locale.ROOT, "Settings: sizes %s, %d runs per measurement (naive JPA: %d on lists up to"
                + " 10,000, %d on larger ones; only in datasets of at most %,d contacts), quick=%s.%n%n",
                config.sizes(), config.runs(), config.naiveRuns(), config.naiveLargeRuns(), config.naiveMax(), config.quick()));
        for (BenchDb db : config.databases()) {
            md.append("## ").append(db.label()).append("\n\n");
            if (environment.containsKey(db)) {
                md.append(environment.get(db)).append("\n\n");
            }
            operations(md, db);
            grid(md, db);
            heap(md, db);
        }
        if (!notes.isEmpty()) {
            md.append("## Notes from the run\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private void operations(StringBuilder md, BenchDb db) {
        md.append("### (a)–(c) List Options and Bulk Edit: ours against hand SQL and naive JPA\n\n");
        md.append("| operation | rows | dataset | ours ms | hand SQL ms | ours / hand | naive JPA ms | naive / ours | runs (ours/hand/naive) | targets |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        List<Map.Entry<Key, Map<String, Series>>> rows = series.entrySet().stream()
                .filter(e -> e.getKey().db() == db && !e.getKey().section().equals("d")).toList();
        // naive per member count, for extrapolation
        for (var entry : rows) {
            Key key = entry.getKey();
            Series ours = entry.getValue().get(OURS);
            Series hand = entry.getValue().get(HAND);
            Series naive = entry.getValue().get(NAIVE);
            double oursMs = ours == null ? Double.NaN : ours.medianMillis();
            double handMs = hand == null ? Double.NaN : hand.medianMillis();
            String naiveCell;
            String naiveRatio;
            int naiveRuns = 0;
            boolean extrapolated = false;
            double naiveMs;
            if (naive != null) {
                naiveMs = naive.medianMillis();
                naiveRuns = naive.runs();
            } else if (key.operation().equals(LIST_DELETE)) {
                naiveMs = extrapolateNaive(db, key.size());
                extrapolated = !Double.isNaN(naiveMs);
            } else {
                naiveMs = Double.NaN;
            }
            naiveCell = Double.isNaN(naiveMs) ? "–" : (extrapolated ? "≈" : "") + ms(naiveMs) + (extrapolated ? " (extrapolated)" : "");
            naiveRatio = Double.isNaN(naiveMs) || Double.isNaN(oursMs) ? "–"
                    : (extrapolated ? "≈" : "") + ratio(naiveMs / oursMs);
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
            md.append(String.format(Locale.ROOT, "| (%s) %s | %,d | %,d | %s | %s | %s | %s | %s | %d/%d/%s | %s |%n",
                    key.section(), key.operation(), key.size(), key.datasetSize(), ms(oursMs), ms(handMs),
                    ratio(oursOverHand), naiveCell, naiveRatio,
                    ours == null ? 0 : ours.runs(), hand == null ? 0 : hand.runs(), naive == null ? "–" : String.valueOf(naiveRuns),
                    targets));
        }
        md.append('\n');
    }

    /** Naive time at this many members from the largest two measured sizes, assuming it grows linearly. */
    private double extrapolateNaive(BenchDb db, long size) {
        List<Map.Entry<Key, Map<String, Series>>> measured = series.entrySet().stream()
                .filter(e -> e.getKey().db() == db && e.getKey().operation().equals(LIST_DELETE) && e.getValue().containsKey(NAIVE))
                .sorted((x, y) -> Long.compare(x.getKey().size(), y.getKey().size()))
                .toList();
        if (measured.isEmpty()) {
            return Double.NaN;
        }
        var largest = measured.get(measured.size() - 1);
        double perRow = largest.getValue().get(NAIVE).medianMillis() / largest.getKey().size();
        return perRow * size;
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
