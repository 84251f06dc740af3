package org.leadcrm.deletion;

import org.leadcrm.base.ProgressListener;

import java.util.List;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting one lead from the Contact Manager (PRODUCT.md, "Deleting one lead"), through the same
 * deletion core as a list's permanent deletes.
 */
@Service
@PreAuthorize(Role.Can.DELETE_CONTACTS)
public class LeadDeletionService {

    private final ContactDeletion deletion;
    private final BulkWorkLock bulkWorkLock;
    private final AuditService audit;
    private final NamedParameterJdbcTemplate jdbc;

    LeadDeletionService(ContactDeletion deletion, BulkWorkLock bulkWorkLock, AuditService audit, NamedParameterJdbcTemplate jdbc) {
        this.deletion = deletion;
        this.bulkWorkLock = bulkWorkLock;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The opportunities that would go with this lead because it is their only lead. */
    @Transactional(readOnly = true)
    public List<String> opportunitiesDeletedWith(long contactId) {
        return jdbc.queryForList("""
                select o.name from opportunity o
                where exists (select 1 from opportunity_contact oc where oc.opportunity_id = o.id and oc.contact_id = :contact)
                and not exists (select 1 from opportunity_contact oc where oc.opportunity_id = o.id and oc.contact_id <> :contact)
                order by o.name
                """, new MapSqlParameterSource("contact", contactId), String.class);
    }

    /**
     * Deletes the lead with everything that hangs on it. Refuses a synced contact, and says so
     * clearly when the lead is already gone.
     */
    @Transactional
    public DeletionResult deleteLead(long contactId) {
        MapSqlParameterSource params = new MapSqlParameterSource("contact", contactId);
        // Like every deletion: one after another, so two deletes that each take one lead of a
        // shared opportunity see each other's work and the opportunity goes with the last lead.
        bulkWorkLock.acquire(ProgressListener.NONE);
        List<String> crm = jdbc.queryForList("select crm_system from contact where id = :contact for update", params, String.class);
        if (crm.isEmpty()) {
            throw new UserFacingException("This contact no longer exists. Someone else may have deleted it.");
        }
        if (!"NONE".equals(crm.get(0))) {
            throw new SyncedContactException(CrmSystem.valueOf(crm.get(0)));
        }
        DeletionResult result = deletion.delete(ContactSelection.contact(contactId), ProgressListener.NONE, 1, ContactDeletion.STEPS);
        audit.record(new AuditEvent(AuditOperation.DELETE_LEAD, null, null, result.contactsDeleted(), 0,
                result.opportunitiesDeleted(), 0));
        return result;
    }
}
