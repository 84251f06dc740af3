package org.leadcrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.export.ContactExportService;

/**
 * (x) Export CSV: {@link ContactExportService} writing every contact, and a list's members, to a
 * stream that only counts the bytes, against the database's own bulk export of the same rows
 * ({@link DatabaseCsvExport}) in the same run, with the heap sampled as for the deletes. Exports
 * change nothing but the audit log, so the database is not restored between runs.
 */
final class ExportBench {

    private final BenchApp app;
    private final BenchDataset data;
    private final Results results;
    private final int runs;
    private final Consumer<String> log;
    private final ContactExportService service;
    private final DatabaseCsvExport database;

    ExportBench(BenchApp app, BenchDataset data, Results results, BenchConfig config, Consumer<String> log) {
        this.app = app;
        this.data = data;
        this.results = results;
        this.runs = config.runs();
        this.log = log;
        this.service = app.bean(ContactExportService.class);
        this.database = new DatabaseCsvExport(app, config.workDir());
    }

    void run() {
        // One untimed export of everyone by each: class loading and the JIT's compiling before the timed runs.
        ours(out -> service.exportList(data.everyone, out));
        database.export(DatabaseCsvExport.membersOf(data.everyone), new CountingOutputStream());
        measure("Export CSV, every contact (no filter)",
                out -> ours(o -> service.exportSelection(BulkSelection.matching(ContactFilter.ALL), o), out),
                out -> database.export(DatabaseCsvExport.everyone(), out));
        measure("Export CSV, a list's members (Everyone)",
                out -> ours(o -> service.exportList(data.everyone, o), out),
                out -> database.export(DatabaseCsvExport.membersOf(data.everyone), out));
    }

    private interface Export {
        long writeTo(CountingOutputStream out) throws IOException;
    }

    private static long ours(Export export) {
        return ours(export, new CountingOutputStream());
    }

    private static long ours(Export export, CountingOutputStream out) {
        try {
            return export.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the two variants in turn, {@code runs} times each, checking that they write as many rows. */
    private void measure(String operation, ToLongFunction<CountingOutputStream> ours,
            ToLongFunction<CountingOutputStream> theDatabase) {
        Map<String, ToLongFunction<CountingOutputStream>> variants = new LinkedHashMap<>();
        variants.put(Results.OURS, ours);
        variants.put(Results.DATABASE, theDatabase);
        Long rows = null;
        for (int run = 0; run < runs; run++) {
            for (var variant : variants.entrySet()) {
                CountingOutputStream out = new CountingOutputStream();
                long written;
                long elapsed;
                HeapSampler heap = HeapSampler.start();
                try (heap) {
                    long t = System.nanoTime();
                    written = variant.getValue().applyAsLong(out);
                    elapsed = System.nanoTime() - t;
                }
                if (rows != null && rows != written) {
                    throw new IllegalStateException(operation + ": " + variant.getKey() + " wrote " + written
                            + " rows, the other " + rows);
                }
                rows = written;
                Results.Series series = results.series(new Results.Key(app.db(), "x", operation, written, data.size),
                        variant.getKey());
                series.millis.add(elapsed / 1e6);
                series.heapPeak.add(heap.peakGrowth());
                series.heapLive.add(heap.peakLiveGrowth());
                log.accept(String.format(Locale.ROOT, "%s (x) %s, %s run %d: %s ms, %,d rows, %,d bytes, heap +%s MB",
                        app.db().label(), operation, variant.getKey(), run + 1, Results.ms(elapsed / 1e6), written,
                        out.bytes(), Results.mb(heap.peakGrowth() / 1048576.0)));
            }
        }
    }
}
