package org.leadcrm.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditService;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactService;
import org.leadcrm.list.ListNotFoundException;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports contacts to CSV (PRODUCT.md, "Export contacts to CSV"): a selection of the Contact Manager
 * or a list's members, within what the user may see, streamed from the database to the caller's
 * stream in constant memory, with an audit entry written in the same transaction as the read.
 */
@Service
@PreAuthorize(Role.Can.EXPORT_CONTACTS)
public class ContactExportService {

    /**
     * Rows the driver fetches at a time. Inside a transaction PostgreSQL's driver then reads through
     * a cursor instead of loading the whole result: a few megabytes a batch, and few enough round
     * trips for a million rows. H2 keeps a large result on disk past its own limit.
     */
    static final int FETCH_SIZE = 5_000;

    private static final String LIST_MEMBERS = "the list's members";
    private static final String BROKEN_OFF = " (download broken off)";

    private final ContactService contacts;
    private final AuditService audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ContactExportService(ContactService contacts, AuditService audit, DataSource dataSource, Clock clock) {
        this.contacts = contacts;
        this.audit = audit;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
        this.clock = clock;
    }

    /**
     * Writes the contacts of {@code selection} to {@code out} as CSV; the stream is flushed, not
     * closed. Nothing is written before the selection is checked.
     *
     * @return the number of contacts written
     * @throws org.leadcrm.base.UserFacingException if no row or too many rows are ticked
     * @throws IOException if {@code out} fails, as when the browser goes away; the rows sent until
     *                     then are audited (a checked exception commits the transaction)
     */
    @Transactional
    public long exportSelection(BulkSelection selection, OutputStream out) throws IOException {
        ContactCondition condition = contacts.selectionCondition(selection);
        String subject = describe(selection);
        return export(condition, out, rows -> AuditEvent.contactsExported(null, null, subject, rows),
                rows -> AuditEvent.contactsExported(null, null, subject + BROKEN_OFF, rows));
    }

    /**
     * Writes the members of the list to {@code out} as CSV, as {@link #exportSelection} does.
     *
     * @throws ListNotFoundException if there is no such list
     */
    @Transactional
    public long exportList(long listId, OutputStream out) throws IOException {
        String name = jdbc.queryForList("select name from contact_list where id = :id",
                new MapSqlParameterSource("id", listId), String.class).stream().findFirst()
                .orElseThrow(ListNotFoundException::new);
        ContactCondition condition = contacts.conditionFor(ContactFilter.ALL.withListId(listId));
        return export(condition, out, rows -> AuditEvent.contactsExported(listId, name, LIST_MEMBERS, rows),
                rows -> AuditEvent.contactsExported(listId, name, LIST_MEMBERS + BROKEN_OFF, rows));
    }

    private long export(ContactCondition condition, OutputStream out, LongFunction<AuditEvent> done,
            LongFunction<AuditEvent> brokenOff) throws IOException {
        ContactCsv csv = new ContactCsv(out, clock.getZone());
        try {
            // In id order, the order they were created in: the primary key gives it without a sort.
            jdbc.query(ContactCsv.SELECT + " where " + condition.sql() + " order by c.id", condition.params(), rs -> {
                try {
                    csv.write(rs);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.finish();
        } catch (UncheckedIOException | IOException e) {
            // What reached the connection has left the system: say so, and by how many rows at most.
            audit.record(brokenOff.apply(csv.rows()));
            throw e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
        }
        audit.record(done.apply(csv.rows()));
        return csv.rows();
    }

    /** The selection for the audit log: the filter's fields, or how many rows were ticked. */
    private String describe(BulkSelection selection) {
        if (selection instanceof BulkSelection.Matching matching) {
            return "filter: " + contacts.describe(matching.filter());
        }
        int ticked = ((BulkSelection.Selected) selection).contactIds().size();
        return ticked + (ticked == 1 ? " ticked row" : " ticked rows");
    }
}
