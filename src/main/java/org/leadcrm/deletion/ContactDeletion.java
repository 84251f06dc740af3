package org.leadcrm.deletion;

import java.util.UUID;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one meaning of "delete a contact" in LeadCRM, for one lead or a million. Given a
 * selection it deletes every non-synced contact in it together with everything that hangs on
 * them — list memberships, exclusions, opportunity links, and opportunities left with no lead —
 * in a fixed number of set-based statements. Synced contacts are skipped and stay as they are.
 *
 * <p>It runs inside the caller's transaction, which holds the {@link org.leadcrm.base.BulkWorkLock}
 * and checks, locks, re-counts and writes the audit entry, so a failure at any statement leaves
 * nothing deleted.
 */
@Component
@PreAuthorize(Role.Can.DELETE_CONTACTS)
public class ContactDeletion {

    /** The number of phases {@link #delete} reports. */
    public static final int STEPS = 6;

    private static final String STAGED = "(select t.contact_id from deletion_target t where t.operation_id = :operation)";

    /**
     * Opportunities linked to the contacts of {@code %1$s} (a derived table of contact ids named
     * {@code s}) and to no other contact: the links of the selected contacts are grouped once per
     * opportunity and compared with all of that opportunity's links, so the work grows with the
     * selection, not with the number of opportunities.
     */
    private static final String OPPORTUNITIES_LEFT_WITHOUT_LEAD = """
            select oc.opportunity_id from %1$s join opportunity_contact oc on oc.contact_id = s.contact_id
            group by oc.opportunity_id
            having count(*) = (select count(*) from opportunity_contact a where a.opportunity_id = oc.opportunity_id)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ContactDeletion(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #delete} would do to this selection now. Read-only. */
    @Transactional(readOnly = true)
    public DeletionPreview preview(ContactSelection selection) {
        PreviewQueries queries = previewQueries(selection);
        return new DeletionPreview(count(queries.selected(), queries.params()), count(queries.synced(), queries.params()),
                count(queries.opportunities(), queries.params()));
    }

    /**
     * The three counts of a preview, each answered from indexes in time that grows with the
     * selection (its plan is checked by a test on both databases). Looking up a selected
     * contact's row is what costs (on H2 at a million contacts, 90,000 look-ups read most of the
     * contact table), so the rows are read once, for the synced count: the selection's ids are
     * counted as they are (they are distinct ids of existing contacts), and for the opportunities
     * only the members with an opportunity link are looked up (one in ten in the generated data).
     */
    static PreviewQueries previewQueries(ContactSelection selection) {
        String selected = "(" + selection.idsSql() + ") sel join contact c on c.id = sel.id";
        // A contact without a link cannot leave an opportunity without its lead; the link is the
        // cheaper check, and H2 makes it first.
        String deletable = "(select sel.id as contact_id from (" + selection.idsSql() + ") sel"
                + " where exists (select 1 from opportunity_contact l where l.contact_id = sel.id)"
                + " and exists (select 1 from contact c where c.id = sel.id and c.crm_system = 'NONE')) s";
        return new PreviewQueries(
                "select count(*) from (" + selection.idsSql() + ") sel",
                "select count(*) from " + selected + " where c.crm_system <> 'NONE'",
                "select count(*) from (" + OPPORTUNITIES_LEFT_WITHOUT_LEAD.formatted(deletable) + ") doomed",
                selection.params());
    }

    record PreviewQueries(String selected, String synced, String opportunities, MapSqlParameterSource params) {
    }

    /**
     * Deletes the non-synced contacts of the selection and all that hangs on them.
     *
     * @param firstStep  the number of the first phase reported to {@code progress}
     * @param totalSteps the number of phases of the whole operation, this one's {@value #STEPS} among them
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DeletionResult delete(ContactSelection selection, ProgressListener progress, int firstStep, int totalSteps) {
        MapSqlParameterSource params = selection.params().addValue("operation", UUID.randomUUID().toString());
        int step = firstStep;

        progress.phase("Finding the contacts to delete", step++, totalSteps);
        long synced = count("select count(*) from contact c where c.id in (" + selection.idsSql()
                + ") and c.crm_system <> 'NONE'", params);
        jdbc.update("insert into deletion_target (operation_id, contact_id) select :operation, c.id from contact c"
                + " where c.id in (" + selection.idsSql() + ") and c.crm_system = 'NONE'", params);

        progress.phase("Deleting opportunities that lose their only lead", step++, totalSteps);
        // Their links go with them (on delete cascade).
        String staged = "(select t.contact_id from deletion_target t where t.operation_id = :operation) s";
        int opportunities = jdbc.update("delete from opportunity where id in ("
                + OPPORTUNITIES_LEFT_WITHOUT_LEAD.formatted(staged) + ")", params);

        progress.phase("Removing the contacts from other opportunities", step++, totalSteps);
        jdbc.update("delete from opportunity_contact where contact_id in " + STAGED, params);

        progress.phase("Removing the contacts from every list", step++, totalSteps);
        // Every list that loses a member gets a new membership version, so a confirmation of
        // that list shown before this commits no longer matches it. Bumped before the member
        // rows are touched: list rows are always locked before member rows.
        jdbc.update("update contact_list set member_version = member_version + 1 where id in"
                + " (select m.list_id from list_member m where m.contact_id in " + STAGED + ")", params);
        jdbc.update("delete from list_exclusion where contact_id in " + STAGED, params);
        jdbc.update("delete from list_member where contact_id in " + STAGED, params);

        progress.phase("Deleting the contacts", step++, totalSteps);
        int deleted = jdbc.update("delete from contact where id in " + STAGED, params);

        progress.phase("Tidying up", step, totalSteps);
        jdbc.update("delete from deletion_target where operation_id = :operation", params);
        return new DeletionResult(deleted, synced, opportunities);
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }
}
