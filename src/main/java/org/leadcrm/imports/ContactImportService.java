package org.leadcrm.imports;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.imports.CsvSource.SourceRecord;
import org.leadcrm.list.BulkAddResult;
import org.leadcrm.list.BulkEditService;
import org.leadcrm.list.DuplicateListNameException;
import org.leadcrm.list.ListChoice;
import org.leadcrm.list.ListDraft;
import org.leadcrm.list.ListNotFoundException;
import org.leadcrm.list.ListService;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Permission;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports contacts from a CSV file (PRODUCT.md, "Import contacts from CSV"): previews it, then
 * reads every row once, checks it with the contact form's rules, and stages the valid ones and the
 * reasons for the others; then, holding the bulk-work lock (docs/decisions/004), rejects repeated
 * addresses and rows that cannot make a new contact, updates or skips the existing contacts, creates
 * the rest and adds them all to a list, with set-based statements. All of it is one transaction:
 * a failure anywhere imports nothing. Memory does not grow with the file: rows stream through.
 */
@Service
@PreAuthorize(Role.Can.IMPORT_CONTACTS)
public class ContactImportService {

    private static final Logger log = LoggerFactory.getLogger(ContactImportService.class);

    /** How many rows of the file the preview shows. */
    public static final int PREVIEW_ROWS = 10;

    private static final int STEPS = 6;
    private static final long REPORT_EVERY_NANOS = 500_000_000L;

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final ImportMerge merge;
    private final Validator validator;
    private final BulkWorkLock bulkWorkLock;
    private final ListService lists;
    private final BulkEditService bulkEdit;
    private final UserService users;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    ContactImportService(DataSource dataSource, NamedParameterJdbcTemplate jdbc, ImportMerge merge, Validator validator,
            BulkWorkLock bulkWorkLock, ListService lists, BulkEditService bulkEdit, UserService users,
            AuditService audit, CurrentUser currentUser, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.merge = merge;
        this.validator = validator;
        this.bulkWorkLock = bulkWorkLock;
        this.lists = lists;
        this.bulkEdit = bulkEdit;
        this.users = users;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The file's header and first rows, read with {@code layout}, or with the layout detected from
     * the file when it is null. Reads the whole file once, to check its encoding and count its lines.
     *
     * @throws UserFacingException if the file cannot be read as CSV, is empty or is UTF-16
     */
    public ImportPreview preview(Path file, @Nullable CsvLayout layout) {
        try {
            CsvSniffer.Sniffed sniffed = CsvSniffer.sniff(file);
            CsvLayout chosen = layout == null ? sniffed.layout() : layout;
            try (CsvSource source = CsvSource.open(file, chosen)) {
                SourceRecord header = source.next();
                if (header == null) {
                    throw new UserFacingException("The file is empty: it needs a header row and a row per contact.");
                }
                List<String> names = headerNames(header.cells());
                List<List<String>> rows = new ArrayList<>();
                SourceRecord row;
                while (rows.size() < PREVIEW_ROWS && (row = source.next()) != null) {
                    List<String> cells = new ArrayList<>(row.cells());
                    while (cells.size() < names.size()) {
                        cells.add("");
                    }
                    rows.add(List.copyOf(cells.subList(0, names.size())));
                }
                long estimated = Math.max(0, sniffed.lines() - 1 - source.skippedLines());
                return new ImportPreview(chosen, sniffed.layout(), sniffed.validUtf8(), names, rows,
                        ColumnMapping.fromHeader(names), estimated);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Blank headers named after their column, so that every column can be told apart. */
    private static List<String> headerNames(List<String> cells) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            names.add(name.isEmpty() ? "Column " + (i + 1) : name);
        }
        return names;
    }

    /**
     * Imports the file as the wizard decided, reporting its phases and a running count of rows to
     * {@code progress}.
     *
     * @throws UserFacingException   if the file cannot be read to its end (nothing is imported), or an
     *                               option cannot be carried out (a list name taken, an owner gone)
     * @throws AccessDeniedException if the import would fill a list and the user may not change lists
     */
    @Transactional
    public ImportResult importContacts(Path file, ImportRequest request, ProgressListener progress) {
        ImportOptions options = request.options();
        checkOptions(options);
        List<UserSummary> team = users.listUsers();
        if (options.ownerId() != null && team.stream().noneMatch(user -> user.id() == options.ownerId())) {
            throw new UserFacingException("The owner chosen for new contacts no longer exists. Choose another.");
        }
        long importId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        long started = System.nanoTime();
        Instant now = clock.instant();

        Read read = stage(file, request, team, importId, progress);

        progress.phase("Finding repeated addresses and existing contacts", 2, STEPS);
        bulkWorkLock.acquire(progress);
        merge.staged();
        long repeated = merge.rejectRepeatedAddresses(importId);
        long incomplete = read.incomplete() == 0 ? 0 : merge.rejectIncompleteNewRows(importId);
        long staged = read.staged() - repeated - incomplete;
        long updated = 0;
        long syncedSkipped = 0;
        if (options.existing() == ExistingContacts.UPDATE) {
            progress.phase("Updating existing contacts", 3, STEPS);
            updated = merge.updateExisting(importId, now);
        }
        progress.phase("Creating new contacts", 4, STEPS);
        long created = merge.createNew(importId, options.ownerId(), now);
        long skipped = staged - created - updated;
        if (options.existing() == ExistingContacts.UPDATE) {
            // Every existing contact was updated but the synced ones.
            syncedSkipped = skipped;
        }

        Long listId = null;
        String listName = null;
        BulkAddResult added = new BulkAddResult(0, 0, 0);
        if (!(options.list() instanceof ListTarget.None)) {
            progress.phase("Adding the contacts to the list", 5, STEPS);
            if (options.list() instanceof ListTarget.NewList newList) {
                listName = newList.name().strip();
                listId = lists.create(ListDraft.manual(listName, newList.description()));
            } else {
                listId = ((ListTarget.Existing) options.list()).listId();
                listName = lists.findDetails(listId).orElseThrow(ListNotFoundException::new).name();
            }
            added = bulkEdit.addToList(listId, ContactCondition.stagedByImport(importId));
        }

        long rejected = read.rejected() + repeated + incomplete;
        long merged = System.nanoTime();
        audit.record(AuditEvent.contactsImported(listId, listName, created + updated, added.added(),
                String.format(Locale.US, "CSV file of %,d rows: %,d created, %,d updated, %,d skipped as existing, "
                        + "%,d rejected", read.rows(), created, updated, skipped, rejected)));
        Path rejectedRows = rejected == 0 ? null : writeRejectedRows(file, request.layout(), importId, progress);
        long written = System.nanoTime();
        try {
            merge.clear(importId);
        } catch (RuntimeException e) {
            deleteQuietly(rejectedRows);
            throw e;
        }
        log.info("Imported {} rows: {} created, {} updated, {} skipped, {} rejected; read and staged in {} ms, merged in {} ms,"
                + " rejected rows written in {} ms, staging cleared in {} ms", read.rows(), created, updated, skipped, rejected,
                millis(started, read.finished()), millis(read.finished(), merged), millis(merged, written),
                millis(written, System.nanoTime()));
        return new ImportResult(read.rows(), created, updated, skipped, syncedSkipped, rejected, listId, listName,
                added.added(), added.alreadyMembers(), added.excluded(), rejectedRows);
    }

    /** Refuses at once what could only fail after reading the whole file. */
    private void checkOptions(ImportOptions options) {
        if (options.list() instanceof ListTarget.None) {
            return;
        }
        if (!currentUser.has(Permission.MANAGE_LISTS)) {
            throw new AccessDeniedException("Adding imported contacts to a list needs the right to change lists");
        }
        List<ListChoice> choices = lists.choices();
        if (options.list() instanceof ListTarget.NewList newList) {
            String name = newList.name().strip();
            if (name.isEmpty()) {
                throw new UserFacingException("Enter a name for the new list.");
            }
            if (choices.stream().anyMatch(list -> list.name().equalsIgnoreCase(name))) {
                throw new DuplicateListNameException(name);
            }
        } else if (choices.stream().noneMatch(list -> list.id() == ((ListTarget.Existing) options.list()).listId())) {
            throw new ListNotFoundException();
        }
    }

    private record Read(long rows, long staged, long incomplete, long rejected, long finished) {
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** Reads every row of the file once, staging the valid ones and the reasons for the others. */
    private Read stage(Path file, ImportRequest request, List<UserSummary> team, long importId, ProgressListener progress) {
        progress.phase("Reading and checking the rows", 1, STEPS);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CsvSource source = CsvSource.open(file, request.layout()); Staging staging = Staging.on(connection, importId)) {
            SourceRecord header = source.next();
            if (header == null) {
                throw new UserFacingException("The file is empty: it needs a header row and a row per contact.");
            }
            request.mapping().requireValid(header.cells().size());
            RowChecker checker = new RowChecker(validator, request.mapping(), header.cells().size(), team);
            long rows = 0;
            long rejected = 0;
            long reported = System.nanoTime();
            SourceRecord record;
            while ((record = source.next()) != null) {
                rows++;
                RowChecker.Checked checked = checker.check(record);
                if (checked instanceof RowChecker.Valid valid) {
                    staging.row(valid.row());
                } else {
                    RowChecker.Rejected rejection = (RowChecker.Rejected) checked;
                    staging.reject(rejection.line(), rejection.reason());
                    rejected++;
                }
                if ((rows & 1023) == 0 && System.nanoTime() - reported > REPORT_EVERY_NANOS) {
                    reported = System.nanoTime();
                    progress.phase(String.format(Locale.US, "Reading and checking the rows: %,d so far", rows), 1, STEPS);
                }
            }
            staging.finish();
            progress.phase(String.format(Locale.US, "Reading and checking the rows: all %,d read", rows), 1, STEPS);
            return new Read(rows, staging.staged(), staging.incomplete(), rejected, System.nanoTime());
        } catch (IOException e) {
            throw unreadable(e);
        } catch (SQLException e) {
            throw jdbc.getJdbcTemplate().getExceptionTranslator().translate("Staging an import", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private Path writeRejectedRows(Path file, CsvLayout layout, long importId, ProgressListener progress) {
        progress.phase("Writing the rejected rows", 6, STEPS);
        RejectedRowsFile rejects;
        try {
            rejects = RejectedRowsFile.start(file, layout);
        } catch (IOException e) {
            throw unreadable(e);
        }
        try (rejects) {
            merge.forEachRejected(importId, rs -> rejects.add(rs.getLong("line"), rs.getString("reason")));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(rejects.path());
            throw e instanceof IOException io ? unreadable(io) : (RuntimeException) e;
        }
        return rejects.path();
    }

    private static RuntimeException unreadable(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UserFacingException("The uploaded file is no longer there. Upload it again.");
        }
        return new UncheckedIOException("Could not read the uploaded file", e);
    }

    private static void deleteQuietly(@Nullable Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file: the JVM deletes it on exit
            }
        }
    }
}
