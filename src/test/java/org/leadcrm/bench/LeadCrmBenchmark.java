package org.leadcrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.bench.browser.ScaleCheck;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactService;
import org.leadcrm.contact.ContactSort;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.deletion.BulkDeletionService;
import org.leadcrm.deletion.SelectionDeletionPreview;
import org.leadcrm.imports.ContactImportService;
import org.leadcrm.imports.ExistingContacts;
import org.leadcrm.imports.ImportOptions;
import org.leadcrm.imports.ImportPreview;
import org.leadcrm.imports.ImportRequest;
import org.leadcrm.imports.ImportResult;
import org.leadcrm.imports.ListTarget;
import org.leadcrm.list.BulkAddResult;
import org.leadcrm.list.ListOperationResult;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.list.BulkEditService;

/**
 * LeadCRM at a million contacts: the list Options, Bulk Edit, deleting all contacts matching a
 * filter from the Contact Manager, importing a CSV file, and the Contact Manager's queries, each timed through the
 * application's own services against independent hand-written SQL, a naive Spring Data JPA version
 * and the hand SQL without foreign-key work, in the same run, on H2 and on PostgreSQL; and Export
 * CSV against the database's own bulk export ({@link ExportBench}).
 *
 * <p>Not a test: run it with {@code ./mvnw -Pbench test-compile exec:exec} (see the {@code bench}
 * profile in pom.xml and README). Settings are system properties, see {@link BenchConfig};
 * {@code -Dbench.quick=true} runs small sizes in a few minutes. The results are printed and
 * written to {@code target/bench/results.md}.
 *
 * <p>Every destructive run starts from the same generated database: after each one the database
 * is restored from a snapshot (a file copy; see {@link BenchApp}), so no run pays for the bloat or
 * the emptied tables of the one before; before each timed run the pool's connections are opened and
 * the caches warmed ({@link BenchApp#prepareRun()}), so the run times the operation. Variants
 * alternate run by run (ours, hand SQL, no-FK, naive, ours, …), so that noise from other work on the
 * machine falls on all of them alike.
 */
public final class LeadCrmBenchmark {

    private final BenchConfig config;
    private final Results results = new Results();
    private final Map<BenchDb, String> environment = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private boolean warmedUp;

    private LeadCrmBenchmark(BenchConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        BenchConfig config = BenchConfig.fromSystemProperties();
        switch (config.mode()) {
            case "services" -> new LeadCrmBenchmark(config).run();
            case "generate" -> GenerationBenchmark.run(config, config.sizesOr(List.of(1_000_000)));
            case "browser" -> ScaleCheck.main(args);
            case "serve" -> {
                ScaleCheck.serve();
                return; // runs until stopped
            }
            default -> throw new IllegalArgumentException(
                    "bench.mode: services, generate, browser or serve, not " + config.mode());
        }
        // The embedded PostgreSQL server and Hikari's threads would keep the JVM alive otherwise.
        System.exit(0);
    }

    private void run() {
        log("JVM: %s, max heap %d MB, arguments %s", System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() / 1048576, ManagementFactory.getRuntimeMXBean().getInputArguments());
        log("settings: %s", config);
        for (BenchDb db : config.databases()) {
            warmedUp = false;
            for (int size : config.sizes()) {
                runDataset(db, size);
            }
        }
        if (config.profile()) {
            writeProfile();
            return;
        }
        System.out.println();
        System.out.println(results.markdown(config, environment));
        log("written to %s; total %.1f min", writeResults(), (System.nanoTime() - started) / 6e10);
    }

    /** Writes what has been measured so far: a run that is stopped early leaves its finished measurements. */
    private Path writeResults() {
        try {
            Files.createDirectories(config.workDir());
            Path out = config.workDir().resolve("results.md");
            Files.writeString(out, results.markdown(config, environment));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void runDataset(BenchDb db, int size) {
        log("%s: starting the application", db.label());
        try (BenchApp app = BenchApp.start(db, config.workDir(), config.profile())) {
            environment.computeIfAbsent(db, d -> app.plainJdbc().queryForObject(
                    d == BenchDb.POSTGRES ? "select version()" : "select 'H2 ' || h2version()", String.class)
                    + (d == BenchDb.H2 ? " (file database, as in production)" : " (embedded, default settings)"));
            log("%s: generating %,d contacts", db.label(), size);
            long t = System.nanoTime();
            BenchDataset data = BenchDataset.generate(app, size);
            log("%s: generated %,d contacts in %.1f s", db.label(), size, (System.nanoTime() - t) / 1e9);
            app.snapshot();
            if (config.profile()) {
                profile(app, data);
                return;
            }
            if (config.runs("grid")) {
                grid(app, data);
            }
            if (config.runs("export")) {
                new ExportBench(app, data, results, config, line -> log("%s", line)).run();
            }
            if (size >= config.gridOnlyBelow()) {
                Operations ops = new Operations(app, data);
                if (!warmedUp) {
                    ops.warmUp();
                    warmedUp = true;
                }
                try (ops) {
                    if (config.runs("delete-list")) {
                        ops.deleteAllContacts(data.everyTenth);
                        ops.deleteAllContacts(data.everyone);
                    }
                    if (config.runs("delete-matching")) {
                        // The same contacts as the two lists above, chosen by a filter in the Contact Manager:
                        // a tenth by status, and all of them by a search that every e-mail address matches.
                        ops.deleteMatching("status = Customer", BenchDataset.tenthFilter(), "c.status = 'CUSTOMER'",
                                NaiveJpa.Selection.status("CUSTOMER"));
                        ops.deleteMatching("search \"contact\", every contact", BenchDataset.everyoneSearch(),
                                "c.email_key like 'contact%'", NaiveJpa.Selection.emailStartingWith("contact"));
                    }
                    if (config.runs("remove-list")) {
                        ops.removeAllContacts(data.everyone);
                    }
                    if (config.runs("bulk-edit")) {
                        ops.bulkAdd("status = CUSTOMER", BenchDataset.tenthFilter(), "c.status = 'CUSTOMER'",
                                NaiveJpa.Selection.status("CUSTOMER"));
                        ops.bulkAdd("no filter", ContactFilter.ALL, "1 = 1", NaiveJpa.Selection.everyone());
                    }
                }
                if (config.runs("import")) {
                    ops.importFile(ImportFiles.generate(config.workDir().resolve("import"), data.size, data.size));
                }
            }
        }
    }

    // --- -Dbench.profile=true: where the time goes, statement by statement ------------------------------

    private final StringBuilder profile = new StringBuilder("# LeadCRM benchmark: statements and plans\n\n");

    private void profile(BenchApp app, BenchDataset data) {
        ContactService contacts = app.bean(ContactService.class);
        ListOptionsService options = app.bean(ListOptionsService.class);
        BulkEditService bulkEdit = app.bean(BulkEditService.class);
        HandSql hand = HandSql.independent(app);
        ContactFilter leads = ContactFilter.ALL.withStatus(ContactStatus.LEAD);
        long everyone = data.members(data.everyone);
        Map<String, Runnable> actions = new LinkedHashMap<>();
        actions.put("(d) first page", () -> contacts.find(leads, ContactSort.NAME, true, 0, 50));
        actions.put("(d) count", () -> contacts.count(leads));
        actions.put("(d) deep page", () -> contacts.find(ContactFilter.ALL, ContactSort.NAME, true, data.size / 10 * 9, 50));
        if (data.size >= config.gridOnlyBelow()) {
            actions.put("(a) ours: deleteAllContacts(Everyone)",
                    () -> options.deleteAllContacts(data.everyone, everyone, data.memberVersion(data.everyone), false, ProgressListener.NONE));
            actions.put("(a) hand SQL: delete all contacts of Everyone", () -> hand.deleteAllContacts(data.everyone, everyone));
            actions.put("(b) ours: removeAllContacts(Everyone)",
                    () -> options.removeAllContacts(data.everyone, false, ProgressListener.NONE));
            actions.put("(c) ours: addContacts(Bulk target, all)",
                    () -> bulkEdit.addContacts(data.bulkTarget, BulkSelection.matching(ContactFilter.ALL), ProgressListener.NONE));
            actions.put("(c) hand SQL: insert all into Bulk target", () -> hand.addMatching(data.bulkTarget, "1 = 1"));
        }
        for (var action : actions.entrySet()) {
            profile.append(String.format(Locale.ROOT, "## %s: %s at %,d contacts%n%n", app.db().label(), action.getKey(),
                    data.size));
            StatementProfiler.drain();
            StatementProfiler.recording = true;
            StatementProfiler.explain = false;
            long t = System.nanoTime();
            action.getValue().run();
            double total = (System.nanoTime() - t) / 1e6;
            List<StatementProfiler.Executed> timed = StatementProfiler.drain();
            app.restore();
            StatementProfiler.explain = true;
            action.getValue().run();
            List<StatementProfiler.Executed> explained = StatementProfiler.drain();
            StatementProfiler.recording = false;
            StatementProfiler.explain = false;
            app.restore();
            profile.append(String.format(Locale.ROOT, "Total %s ms; statements:%n%n| ms | statement |%n|---:|---|%n",
                    Results.ms(total)));
            for (var statement : timed) {
                profile.append("| ").append(Results.ms(statement.millis())).append(" | `")
                        .append(statement.sql().replaceAll("\\s+", " ").strip().replace("|", "\\|")).append("` |\n");
            }
            profile.append("\nPlans (EXPLAIN ANALYZE, a separate run):\n\n");
            for (var statement : explained) {
                profile.append("```\n").append(statement.sql().strip()).append("\n--\n").append(statement.plan())
                        .append("```\n\n");
            }
            log("%s profiled %s", app.db().label(), action.getKey());
        }
    }

    private void writeProfile() {
        try {
            Files.createDirectories(config.workDir());
            Path out = config.workDir().resolve("profile.md");
            Files.writeString(out, profile);
            log("profile written to %s", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- (d) the Contact Manager's queries ----------------------------------------------------------

    private void grid(BenchApp app, BenchDataset data) {
        ContactService contacts = app.bean(ContactService.class);
        ContactFilter leads = ContactFilter.ALL.withStatus(ContactStatus.LEAD);
        int deepOffset = data.size / 10 * 9;
        Map<String, Runnable> queries = new LinkedHashMap<>();
        queries.put("first page: find(status=LEAD, NAME, 0, 50)",
                () -> check(contacts.find(leads, ContactSort.NAME, true, 0, 50).size() == 50, "first page"));
        queries.put("count(status=LEAD)", () -> check(contacts.count(leads) == data.size / 2, "count"));
        queries.put("first page + count (opening the grid)", () -> {
            contacts.find(leads, ContactSort.NAME, true, 0, 50);
            contacts.count(leads);
        });
        queries.put("deep page: find(all, NAME, offset 0.9·N, 50)",
                () -> check(contacts.find(ContactFilter.ALL, ContactSort.NAME, true, deepOffset, 50).size() == 50, "deep page"));
        int runs = Math.max(20, config.runs() * 4);
        for (var query : queries.entrySet()) {
            // Warm up for two seconds (at least five calls): at 1,000 contacts the first hundred calls
            // measure the JIT compiler, not the query.
            long warmUntil = System.nanoTime() + 2_000_000_000L;
            for (int i = 0; i < 5 || System.nanoTime() < warmUntil; i++) {
                touch(app);
                query.getValue().run();
            }
            Results.Series series = results.series(new Results.Key(app.db(), "d", query.getKey(), data.size, data.size),
                    Results.OURS);
            for (int i = 0; i < runs; i++) {
                touch(app);
                long t = System.nanoTime();
                query.getValue().run();
                series.millis.add((System.nanoTime() - t) / 1e6);
            }
            log("%s (d) %s at %,d: median %s ms", app.db().label(), query.getKey(), data.size,
                    Results.ms(series.medianMillis()));
        }
    }

    /**
     * A write that changes nothing a query reads: H2 re-uses the result of a query repeated with the
     * same parameters while no table has changed, which would time a cache, not the query.
     */
    private static void touch(BenchApp app) {
        app.plainJdbc().update("update app_user set active = active where username = ?", BenchApp.ADMIN);
    }

    // --- (a), (b), (c) ------------------------------------------------------------------------------

    /** The destructive operations on one dataset, each run from the snapshot and restored after. */
    private final class Operations implements AutoCloseable {

        private final BenchApp app;
        private final BenchDataset data;
        private final ListOptionsService options;
        private final BulkEditService bulkEdit;
        private final BulkDeletionService bulkDeletion;
        private final HandSql hand;
        private final HandSql noForeignKeys;
        private final NaiveJpa naive;
        private final ContactImportService imports;
        private final HandImport handImport;

        Operations(BenchApp app, BenchDataset data) {
            this.app = app;
            this.data = data;
            this.options = app.bean(ListOptionsService.class);
            this.bulkEdit = app.bean(BulkEditService.class);
            this.bulkDeletion = app.bean(BulkDeletionService.class);
            this.hand = HandSql.independent(app);
            this.noForeignKeys = HandSql.withoutForeignKeys(app);
            this.naive = new NaiveJpa(app);
            this.imports = app.bean(ContactImportService.class);
            this.handImport = new HandImport(app);
        }

        /**
         * One untimed run of each variant to be measured, on the smallest list, so that no timed run
         * pays for class loading.
         */
        void warmUp() {
            long list = data.everyHundredth;
            long members = data.members(list);
            String onTheList = "exists (select 1 from list_member x where x.list_id = " + list + " and x.contact_id = c.id)";
            log("%s: warming up on a list of %,d", app.db().label(), members);
            if (config.runs("delete-list")) {
                options.deleteAllContacts(list, members, data.memberVersion(list), false, ProgressListener.NONE);
                app.restore();
                hand.deleteAllContacts(list, members);
                app.restore();
                noForeignKeys.deleteAllContacts(list, members);
                app.restore();
                naive.deleteAllContacts(list, members);
                app.restore();
            }
            if (config.runs("delete-matching")) {
                BulkSelection selection = BulkSelection.matching(ContactFilter.ALL.withListId(list));
                SelectionDeletionPreview preview = bulkDeletion.previewDeletion(selection);
                bulkDeletion.deleteSelected(selection, members, preview.checksum(), ProgressListener.NONE);
                app.restore();
                hand.deleteMatching(onTheList, members, preview.checksum());
                app.restore();
                noForeignKeys.deleteMatching(onTheList, members, preview.checksum());
                app.restore();
                naive.deleteMatching(NaiveJpa.Selection.members(list), members);
                app.restore();
            }
            if (config.runs("remove-list")) {
                options.removeAllContacts(list, false, ProgressListener.NONE);
                app.restore();
                hand.removeAllContacts(list);
                app.restore();
                noForeignKeys.removeAllContacts(list);
                app.restore();
                naive.removeAllContacts(list);
                app.restore();
            }
            if (config.runs("bulk-edit")) {
                bulkEdit.addContacts(data.bulkTarget, BulkSelection.matching(ContactFilter.ALL.withListId(list)), ProgressListener.NONE);
                app.restore();
                hand.addMatching(data.bulkTarget, onTheList);
                app.restore();
                noForeignKeys.addMatching(data.bulkTarget, onTheList);
                app.restore();
                naive.addMatching(data.bulkTarget, NaiveJpa.Selection.members(list));
                app.restore();
            }
            if (config.runs("import")) {
                ImportFiles small = ImportFiles.generate(config.workDir().resolve("import"), Math.min(10_000, data.size),
                        data.size);
                importOurs(small, "Warm-up import");
                app.restore();
                handImport.run(small.cleanFile(), "Warm-up import");
                app.restore();
            }
        }

        /**
         * Importing a generated file through the application's service (every row checked, the clean ones
         * staged and merged, the rest written to the rejected rows' file), against the database's own bulk
         * load of the file's clean rows and a hand-written merge. Both update the existing contacts (synced
         * ones excepted) and put every contact of the file into a new list.
         */
        void importFile(ImportFiles files) {
            log("%s import file: %,d rows (%,d clean, %,d existing addresses), %,d MB", app.db().label(), files.rows(),
                    files.cleanRows(), files.existing(), files.userFile().toFile().length() / 1048576);
            Results.Key key = new Results.Key(app.db(), Results.IMPORT_SECTION,
                    "Import a CSV file into a new list (2% bad rows, 5% existing)", files.rows(), data.size);
            Map<String, LongSupplier> variants = new LinkedHashMap<>();
            variants.put(Results.OURS, () -> importOurs(files, "Imported"));
            variants.put(Results.HAND, () -> handImport.run(files.cleanFile(), "Imported"));
            measure(key, variants);
        }

        /** Logs when each phase of an import starts, for where its time goes (the row counter is not logged). */
        private ProgressListener phaseTimer() {
            long started = System.nanoTime();
            int[] last = {0};
            return new ProgressListener() {
                @Override
                public void phase(String phase, int step, int steps) {
                    if (step != last[0]) {
                        last[0] = step;
                        log("%s   import phase %d/%d after %.1f s: %s", app.db().label(), step, steps,
                                (System.nanoTime() - started) / 1e9, phase);
                    }
                }

                @Override
                public boolean inBackground() {
                    return false;
                }
            };
        }

        /** @return the contacts added to the new list */
        private long importOurs(ImportFiles files, String listName) {
            ImportPreview preview = imports.preview(files.userFile(), null);
            ImportResult result = imports.importContacts(files.userFile(), new ImportRequest(preview.layout(),
                    preview.suggestedMapping(), new ImportOptions(ExistingContacts.UPDATE, null, ListTarget.newList(listName,
                    null))), phaseTimer());
            if (result.rejectedRows() != null) {
                result.rejectedRows().toFile().delete();
            }
            log("%s import: %,d rows, %,d created, %,d updated, %,d skipped, %,d rejected, %,d added to the list",
                    app.db().label(), result.rows(), result.created(), result.updated(), result.skippedExisting(),
                    result.rejected(), result.addedToList());
            return result.addedToList();
        }

        void deleteAllContacts(long list) {
            long members = data.members(list);
            Results.Key key = new Results.Key(app.db(), "a", Results.LIST_DELETE, members, data.size);
            Map<String, LongSupplier> variants = new LinkedHashMap<>();
            variants.put(Results.OURS, () -> options.deleteAllContacts(list, members, data.memberVersion(list), false, ProgressListener.NONE)
                    .contactsDeleted());
            variants.put(Results.HAND, () -> hand.deleteAllContacts(list, members));
            variants.put(Results.NO_FK, () -> noForeignKeys.deleteAllContacts(list, members));
            variants.put(Results.NAIVE, () -> naive.deleteAllContacts(list, members));
            measure(key, variants);
        }

        /**
         * Deleting every contact matching a filter from the Contact Manager, confirmed with the count
         * and checksum of its preview (read once, untimed: the confirmation's counts; the database is
         * restored to the same state before every run).
         */
        void deleteMatching(String label, ContactFilter filter, String handCondition, NaiveJpa.Selection naiveSelection) {
            BulkSelection selection = BulkSelection.matching(filter);
            app.prepareRun();
            long t = System.nanoTime();
            SelectionDeletionPreview shown = bulkDeletion.previewDeletion(selection);
            double previewMillis = (System.nanoTime() - t) / 1e6;
            long matching = shown.preview().selected();
            results.series(new Results.Key(app.db(), "d", "delete confirmation's counts: previewDeletion(" + label + ")",
                    data.size, data.size), Results.OURS).millis.add(previewMillis);
            log("%s preview of the delete of %s: %,d matching, %s ms", app.db().label(), label, matching,
                    Results.ms(previewMillis));
            Results.Key key = new Results.Key(app.db(), "a", "Delete all matching a filter (" + label + ")", matching,
                    data.size);
            Map<String, LongSupplier> variants = new LinkedHashMap<>();
            variants.put(Results.OURS, () -> bulkDeletion.deleteSelected(selection, matching, shown.checksum(),
                    ProgressListener.NONE).contactsDeleted());
            variants.put(Results.HAND, () -> hand.deleteMatching(handCondition, matching, shown.checksum()));
            variants.put(Results.NO_FK, () -> noForeignKeys.deleteMatching(handCondition, matching, shown.checksum()));
            variants.put(Results.NAIVE, () -> naive.deleteMatching(naiveSelection, matching));
            measure(key, variants);
        }

        void removeAllContacts(long list) {
            long members = data.members(list);
            Results.Key key = new Results.Key(app.db(), "b", "Remove All Contacts", members, data.size);
            Map<String, LongSupplier> variants = new LinkedHashMap<>();
            variants.put(Results.OURS, () -> {
                ListOperationResult result = options.removeAllContacts(list, false, ProgressListener.NONE);
                return result.membersRemoved();
            });
            variants.put(Results.HAND, () -> hand.removeAllContacts(list));
            variants.put(Results.NO_FK, () -> noForeignKeys.removeAllContacts(list));
            variants.put(Results.NAIVE, () -> naive.removeAllContacts(list));
            measure(key, variants);
        }

        void bulkAdd(String label, ContactFilter filter, String handCondition, NaiveJpa.Selection naiveSelection) {
            Long matching = app.bean(ContactService.class).count(filter);
            Results.Key key = new Results.Key(app.db(), "c", "Bulk Edit: add all matching (" + label + ")",
                    Objects.requireNonNull(matching), data.size);
            Map<String, LongSupplier> variants = new LinkedHashMap<>();
            variants.put(Results.OURS, () -> {
                BulkAddResult result = bulkEdit.addContacts(data.bulkTarget, BulkSelection.matching(filter), ProgressListener.NONE);
                return result.added();
            });
            variants.put(Results.HAND, () -> hand.addMatching(data.bulkTarget, handCondition));
            variants.put(Results.NO_FK, () -> noForeignKeys.addMatching(data.bulkTarget, handCondition));
            variants.put(Results.NAIVE, () -> naive.addMatching(data.bulkTarget, naiveSelection));
            measure(key, variants);
        }

        /**
         * How many times to run a variant: the naive baseline only where it is expected to finish in
         * the time limit (then extrapolated in the results), the others {@code bench.runs} times.
         */
        private int runsOf(Results.Key key, String variant) {
            if (!variant.equals(Results.NAIVE)) {
                return config.runs();
            }
            double predicted = results.predictNaiveMillis(key);
            double limit = config.naiveLimitMinutes() * 60_000.0;
            boolean run = Double.isNaN(predicted) ? key.size() <= BenchConfig.NAIVE_UNMEASURED_MAX : predicted <= limit;
            if (!run) {
                log("%s (%s) %s at %,d: naive JPA not run (predicted %s ms from smaller sizes, limit %d min)",
                        app.db().label(), key.section(), key.operation(), key.size(), Results.ms(predicted),
                        config.naiveLimitMinutes());
            }
            return run ? config.naiveRuns() : 0;
        }

        private void measure(Results.Key key, Map<String, LongSupplier> variants) {
            Map<String, Integer> runs = new LinkedHashMap<>();
            variants.keySet().forEach(variant -> runs.put(variant, runsOf(key, variant)));
            int maxRuns = runs.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            Map<String, String> fingerprints = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int run = 0; run < maxRuns; run++) {
                for (var variant : variants.entrySet()) {
                    if (run >= runs.get(variant.getKey())) {
                        continue;
                    }
                    Results.Series series = results.series(key, variant.getKey());
                    app.prepareRun();
                    long count;
                    long t;
                    long elapsed;
                    try (HeapSampler heap = HeapSampler.start()) {
                        t = System.nanoTime();
                        try {
                            count = variant.getValue().getAsLong();
                        } catch (RuntimeException | OutOfMemoryError e) {
                            // The naive baseline may not fit the heap: that is a result, not the end of the run.
                            if (!variant.getKey().equals(Results.NAIVE) || !outOfMemory(e)) {
                                throw e;
                            }
                            double seconds = (System.nanoTime() - t) / 1e9;
                            series.failure = String.format(Locale.ROOT, "out of heap (%d MB) after %.0f s",
                                    Runtime.getRuntime().maxMemory() / 1048576, seconds);
                            runs.put(variant.getKey(), 0);
                            log("%s (%s) %s, %,d rows, %s run %d: %s", app.db().label(), key.section(), key.operation(),
                                    key.size(), variant.getKey(), run + 1, series.failure);
                            app.restore();
                            continue;
                        }
                        elapsed = System.nanoTime() - t;
                        heap.close();
                        series.heapPeak.add(heap.peakGrowth());
                        series.heapLive.add(heap.peakLiveGrowth());
                    }
                    series.millis.add(elapsed / 1e6);
                    String fingerprint = fingerprint();
                    String previous = fingerprints.putIfAbsent(variant.getKey(), fingerprint);
                    counts.putIfAbsent(variant.getKey(), count);
                    log("%s (%s) %s, %,d rows, %s run %d: %s ms (%,d)", app.db().label(), key.section(), key.operation(),
                            key.size(), variant.getKey(), run + 1, Results.ms(elapsed / 1e6), count);
                    if (previous != null && !previous.equals(fingerprint)) {
                        throw new IllegalStateException(variant.getKey() + " left " + fingerprint + " after " + previous);
                    }
                    app.restore();
                }
            }
            if (fingerprints.values().stream().distinct().count() > 1 || counts.values().stream().distinct().count() > 1) {
                String note = String.format(Locale.ROOT, "%s (%s) %s at %,d: the variants did not leave the same rows: %s, counts %s",
                        app.db().label(), key.section(), key.operation(), key.size(), fingerprints, counts);
                results.note(note);
                log("WARNING %s", note);
            }
            Map<String, Results.Series> all = new LinkedHashMap<>();
            variants.keySet().stream().filter(v -> runs.get(v) > 0).forEach(v -> all.put(v, results.series(key, v)));
            log("%s (%s) %s at %,d: medians %s", app.db().label(), key.section(), key.operation(), key.size(),
                    all.entrySet().stream().map(e -> e.getKey() + " " + Results.ms(e.getValue().medianMillis()) + " ms")
                            .toList());
            writeResults();
        }

        private static boolean outOfMemory(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof OutOfMemoryError) {
                    return true;
                }
            }
            return false;
        }

        /** What a run left in the tables it touches, to check that the variants did the same. */
        private String fingerprint() {
            List<String> parts = new ArrayList<>();
            for (String table : List.of("contact", "contact_list", "list_member", "list_exclusion", "opportunity",
                    "opportunity_contact", "deletion_target")) {
                parts.add(table + "=" + data.count("select count(*) from " + table));
            }
            parts.add("member_versions=" + data.count("select coalesce(sum(member_version), 0) from contact_list"));
            return String.join(" ", parts);
        }

        @Override
        public void close() {
            naive.close();
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("unexpected result: " + what);
        }
    }

    private void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %6.1fs] %s%n", (System.nanoTime() - started) / 1e9,
                String.format(Locale.ROOT, format, args));
    }
}
