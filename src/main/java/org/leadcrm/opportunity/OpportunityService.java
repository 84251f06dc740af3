package org.leadcrm.opportunity;

import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.SearchText;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactService;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Opportunities, paged, sorted and filtered in SQL, and created, changed and deleted one at a
 * time. A Salesperson or Jr. Salesperson sees and edits only their own; leads are always among
 * the contacts the user may see, and a lead the user may not see is neither shown nor counted,
 * nor dropped when they save.
 */
@Service
@Validated
@PreAuthorize(Role.Can.SIGNED_IN)
public class OpportunityService {

    private final NamedParameterJdbcTemplate jdbc;
    private final OpportunityRepository opportunities;
    private final ContactService contacts;
    private final CurrentUser currentUser;
    private final AuditService audit;

    OpportunityService(NamedParameterJdbcTemplate jdbc, OpportunityRepository opportunities, ContactService contacts,
            CurrentUser currentUser, AuditService audit) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
        this.contacts = contacts;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** One page of the opportunities matching {@code filter}; the page's ids come from an index first. */
    @Transactional(readOnly = true)
    public List<OpportunityRow> find(OpportunityFilter filter, OpportunitySort sort, boolean ascending, int offset,
            int limit) {
        MapSqlParameterSource params = where(filter).addValue("limit", limit).addValue("offset", offset);
        String orderBy = sort.orderBy(ascending);
        return rows("""
                from (select o.id from opportunity o where %s order by %s limit :limit offset :offset) page
                join opportunity o on o.id = page.id
                """.formatted(whereSql(filter), orderBy), "1 = 1", orderBy, params);
    }

    @Transactional(readOnly = true)
    public long count(OpportunityFilter filter) {
        Long count = jdbc.queryForObject("select count(*) from opportunity o where " + whereSql(filter), where(filter),
                Long.class);
        return count == null ? 0 : count;
    }

    /** The opportunities the contact is a lead of, among those the user may see, largest first. */
    @Transactional(readOnly = true)
    public List<OpportunityRow> ofContact(long contactId) {
        if (contacts.details(contactId).isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = where(OpportunityFilter.ALL).addValue("contact", contactId);
        return rows("from opportunity o", whereSql(OpportunityFilter.ALL)
                + " and exists (select 1 from opportunity_contact l where l.opportunity_id = o.id and l.contact_id = :contact)",
                "o.amount desc, o.name, o.id", params);
    }

    /** The opportunity with its leads, if it exists and the user may see it. */
    @Transactional(readOnly = true)
    public Optional<OpportunityDetails> details(long id) {
        MapSqlParameterSource params = where(OpportunityFilter.ALL).addValue("id", id);
        List<OpportunityDetails> found = jdbc.query("""
                select o.*, u.display_name as owner_name from opportunity o left join app_user u on u.id = o.owner_id
                where o.id = :id and %s
                """.formatted(whereSql(OpportunityFilter.ALL)), params, (rs, n) -> {
            List<OpportunityDetails.Lead> leads = visibleLeads(id);
            OpportunityDraft fields = new OpportunityDraft(rs.getString("name"), rs.getBigDecimal("amount"),
                    OpportunityStage.valueOf(rs.getString("stage")), rs.getObject("close_date", java.time.LocalDate.class),
                    rs.getObject("owner_id", Long.class),
                    Set.copyOf(leads.stream().map(OpportunityDetails.Lead::contactId).toList()));
            return new OpportunityDetails(id, rs.getLong("version"), fields, rs.getString("owner_name"), leads);
        });
        return found.stream().findFirst();
    }

    /**
     * Creates an opportunity. A Salesperson's or Jr. Salesperson's opportunities are their own.
     *
     * @throws UserFacingException if a chosen lead is gone or the user may not see it
     */
    @Transactional
    public long create(@Valid OpportunityDraft draft) {
        requireVisibleLeads(draft.leadIds());
        return opportunities.saveAndFlush(new Opportunity(ownedAsAllowed(draft))).getId();
    }

    /**
     * Saves the form's fields over the opportunity, if nobody changed it since {@code version}.
     * Leads the user may not see stay on it.
     *
     * @return the opportunity's new version
     */
    @Transactional
    public long update(long id, long version, @Valid OpportunityDraft draft) {
        if (details(id).isEmpty()) {
            throw new OpportunityNotFoundException();
        }
        Opportunity opportunity = opportunities.findById(id).orElseThrow(OpportunityNotFoundException::new);
        if (opportunity.getVersion() != version) {
            throw new StaleOpportunityException();
        }
        requireVisibleLeads(draft.leadIds());
        Set<Long> leads = new HashSet<>(draft.leadIds());
        leads.addAll(hiddenLeads(id));
        opportunity.apply(ownedAsAllowed(draft).withLeadIds(leads));
        try {
            return opportunities.saveAndFlush(opportunity).getVersion();
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            throw new StaleOpportunityException();
        }
    }

    /** Deletes the opportunity, not its leads. Audited. */
    @Transactional
    @PreAuthorize(Role.Can.DELETE_OPPORTUNITIES)
    public void delete(long id) {
        OpportunityDetails existing = details(id).orElseThrow(OpportunityNotFoundException::new);
        opportunities.deleteById(id);
        opportunities.flush();
        audit.record(AuditEvent.opportunityDeleted(existing.fields().name()));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private boolean ownOnly() {
        return currentUser.is(Role.SALESPERSON) || currentUser.is(Role.JR_SALESPERSON);
    }

    private long me() {
        return currentUser.summary().map(UserSummary::id).orElse(-1L);
    }

    private OpportunityDraft ownedAsAllowed(OpportunityDraft draft) {
        return ownOnly() ? draft.withOwnerId(me()) : draft;
    }

    private String whereSql(OpportunityFilter filter) {
        StringBuilder sql = new StringBuilder("1 = 1");
        if (filter.search() != null && !filter.search().isBlank()) {
            sql.append(" and lower(o.name) like :search escape '\\'");
        }
        if (filter.stage() != null) {
            sql.append(" and o.stage = :stage");
        }
        if (filter.ownerId() != null) {
            sql.append(" and o.owner_id = :owner");
        }
        if (ownOnly()) {
            sql.append(" and o.owner_id = :me");
        }
        return sql.toString();
    }

    private MapSqlParameterSource where(OpportunityFilter filter) {
        SearchText.requireWithinLimit(filter.search());
        MapSqlParameterSource params = contacts.conditionFor(ContactFilter.ALL).params().addValue("me", me());
        if (filter.search() != null && !filter.search().isBlank()) {
            params.addValue("search", SearchText.escapedForLike(filter.search()) + "%");
        }
        if (filter.stage() != null) {
            params.addValue("stage", filter.stage().name());
        }
        if (filter.ownerId() != null) {
            params.addValue("owner", filter.ownerId());
        }
        return params;
    }

    /** The rows of {@code from} with their owner and their leads counted and the first named, among visible contacts. */
    private List<OpportunityRow> rows(String from, String where, String orderBy, MapSqlParameterSource params) {
        String visible = contacts.conditionFor(ContactFilter.ALL).sql();
        return jdbc.query("""
                select o.id, o.name, o.stage, o.amount, o.close_date, u.display_name as owner_name,
                       (select count(*) from opportunity_contact l join contact c on c.id = l.contact_id
                        where l.opportunity_id = o.id and %s) as lead_count,
                       (select c.first_name || ' ' || c.last_name from opportunity_contact l join contact c on c.id = l.contact_id
                        where l.opportunity_id = o.id and %s order by c.id fetch first 1 row only) as first_lead
                %s
                left join app_user u on u.id = o.owner_id
                where %s
                order by %s
                """.formatted(visible, visible, from, where, orderBy), params, OpportunityService::mapRow);
    }

    private List<OpportunityDetails.Lead> visibleLeads(long opportunityId) {
        ContactCondition visible = contacts.conditionFor(ContactFilter.ALL);
        return jdbc.query("""
                select c.id, c.first_name, c.last_name, c.email from opportunity_contact l join contact c on c.id = l.contact_id
                where l.opportunity_id = :id and %s order by c.last_name, c.first_name, c.id
                """.formatted(visible.sql()), visible.params().addValue("id", opportunityId),
                (rs, n) -> new OpportunityDetails.Lead(rs.getLong("id"), rs.getString("first_name") + " "
                        + rs.getString("last_name"), rs.getString("email")));
    }

    private Set<Long> hiddenLeads(long opportunityId) {
        ContactCondition visible = contacts.conditionFor(ContactFilter.ALL);
        return Set.copyOf(jdbc.queryForList("""
                select l.contact_id from opportunity_contact l join contact c on c.id = l.contact_id
                where l.opportunity_id = :id and not (%s)
                """.formatted(visible.sql()), visible.params().addValue("id", opportunityId), Long.class));
    }

    private void requireVisibleLeads(Set<Long> leadIds) {
        ContactCondition visible = contacts.conditionFor(ContactFilter.ALL);
        Long seen = jdbc.queryForObject("select count(*) from contact c where c.id in (:ids) and " + visible.sql(),
                visible.params().addValue("ids", leadIds), Long.class);
        if (seen == null || seen != leadIds.size()) {
            throw new UserFacingException("A chosen lead no longer exists, or you may not see it. Choose the leads again.");
        }
    }

    private static OpportunityRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new OpportunityRow(rs.getLong("id"), rs.getString("name"), OpportunityStage.valueOf(rs.getString("stage")),
                rs.getBigDecimal("amount"), rs.getObject("close_date", java.time.LocalDate.class),
                rs.getString("owner_name"), rs.getInt("lead_count"), rs.getString("first_lead"));
    }
}
