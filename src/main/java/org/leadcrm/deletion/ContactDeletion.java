package org.leadcrm.deletion;

import org.leadcrm.base.ProgressListener;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one meaning of "delete a contact" in LeadCRM, for one lead or a million. Given a
 * selection it deletes every non-synced contact in it together with everything that hangs on
 * them — list memberships, exclusions, opportunity links, and opportunities left with no lead —
 * in a fixed number of set-based statements. Synced contacts are skipped and stay as they are.
 *
 * <p>It runs inside the caller's transaction (which checks permissions, locks, re-counts and
 * writes the audit entry), so a failure at any statement leaves nothing deleted.
 */
@Component
public class ContactDeletion {

    /** Opportunities linked to a staged contact and to no contact outside the stage. */
    private static final String DOOMED_OPPORTUNITY = """
            exists (select 1 from opportunity_contact oc join deletion_target t on t.contact_id = oc.contact_id
                    where oc.opportunity_id = o.id)
            and not exists (select 1 from opportunity_contact oc
                    where oc.opportunity_id = o.id
                    and not exists (select 1 from deletion_target t where t.contact_id = oc.contact_id))
            """;

    private static final String STAGED = "(select t.contact_id from deletion_target t)";

    static final int STEPS = 6;

    private final NamedParameterJdbcTemplate jdbc;

    ContactDeletion(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #delete} would do to this selection now. Read-only. */
    @Transactional(readOnly = true)
    public DeletionPreview preview(ContactSelection selection) {
        MapSqlParameterSource params = selection.params();
        String selected = "c.id in (" + selection.idsSql() + ")";
        long total = count("select count(*) from contact c where " + selected, params);
        long synced = count("select count(*) from contact c where " + selected + " and c.crm_system <> 'NONE'", params);
        // Opportunities all of whose leads are deletable members of the selection.
        long opportunities = count("""
                select count(*) from opportunity o
                where exists (select 1 from opportunity_contact oc join contact c on c.id = oc.contact_id
                              where oc.opportunity_id = o.id and c.crm_system = 'NONE' and %1$s)
                and not exists (select 1 from opportunity_contact oc join contact c on c.id = oc.contact_id
                                where oc.opportunity_id = o.id
                                and (c.crm_system <> 'NONE' or not exists (select 1 from (%2$s) s where s.id = c.id)))
                """.formatted(selected, selection.idsSql()), params);
        return new DeletionPreview(total, synced, opportunities);
    }

    /**
     * Deletes the non-synced contacts of the selection and all that hangs on them.
     *
     * @param firstStep  the number of the first phase reported to {@code progress}
     * @param totalSteps the number of phases of the whole operation, this one's {@value #STEPS} among them
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DeletionResult delete(ContactSelection selection, ProgressListener progress, int firstStep, int totalSteps) {
        MapSqlParameterSource params = selection.params();
        int step = firstStep;

        progress.phase("Finding the contacts to delete", step++, totalSteps);
        long synced = count("select count(*) from contact c where c.id in (" + selection.idsSql()
                + ") and c.crm_system <> 'NONE'", params);
        jdbc.update("insert into deletion_target (contact_id) select c.id from contact c where c.id in ("
                + selection.idsSql() + ") and c.crm_system = 'NONE'", params);

        progress.phase("Deleting opportunities that lose their only lead", step++, totalSteps);
        // Their links go with them (on delete cascade); only opportunities of staged contacts are looked at.
        int opportunities = jdbc.update("delete from opportunity o where " + DOOMED_OPPORTUNITY, params);

        progress.phase("Removing the contacts from other opportunities", step++, totalSteps);
        jdbc.update("delete from opportunity_contact where contact_id in " + STAGED, params);

        progress.phase("Removing the contacts from every list", step++, totalSteps);
        jdbc.update("delete from list_exclusion where contact_id in " + STAGED, params);
        jdbc.update("delete from list_member where contact_id in " + STAGED, params);

        progress.phase("Deleting the contacts", step++, totalSteps);
        int deleted = jdbc.update("delete from contact where id in " + STAGED, params);

        progress.phase("Tidying up", step, totalSteps);
        jdbc.update("delete from deletion_target", params);
        return new DeletionResult(deleted, synced, opportunities);
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }
}
