package org.leadcrm.list;

import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.SearchText;
import org.leadcrm.base.SqlCounts;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactService;
import org.leadcrm.list.ListRows.MemberSource;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Lists and their rules: find them, create and edit them, rebuild a rule-based list. Applying
 * rules changes members, so it takes the bulk-work lock and the list's row first
 * (docs/decisions/004) and is audited. Bulk Edit is {@link BulkEditService}; single members and
 * exclusions are {@link ListMemberService}.
 *
 * <p>Member and exclusion counts are read through the current user's visibility condition: a
 * Jr. Salesperson learns nothing of contacts they may not see, not even how many there are.
 */
@Service
@Validated
@PreAuthorize(Role.Can.SIGNED_IN)
public class ListService {

    private final ContactListRepository lists;
    private final ListRows listRows;
    private final NamedParameterJdbcTemplate jdbc;
    private final ContactService contactService;
    private final BulkWorkLock bulkWorkLock;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    ListService(ContactListRepository lists, ListRows listRows, NamedParameterJdbcTemplate jdbc,
            ContactService contactService, BulkWorkLock bulkWorkLock, AuditService audit, CurrentUser currentUser,
            Clock clock) {
        this.lists = lists;
        this.listRows = listRows;
        this.jdbc = jdbc;
        this.contactService = contactService;
        this.bulkWorkLock = bulkWorkLock;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // --- reading ---------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ListSummary> find(String search, int offset, int limit) {
        ContactCondition visible = contactService.conditionFor(ContactFilter.ALL);
        MapSqlParameterSource params = visible.params().addValues(searchParams(search).getValues())
                .addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(summarySelect(visible) + """
                where l.name_key like :search escape '\\'
                order by l.name_key
                limit :limit offset :offset
                """, params, ListService::mapSummary);
    }

    @Transactional(readOnly = true)
    public long count(String search) {
        return SqlCounts.count(jdbc, "select count(*) from contact_list l where l.name_key like :search escape '\\'",
                searchParams(search));
    }

    @Transactional(readOnly = true)
    public Optional<ListSummary> findSummary(long listId) {
        ContactCondition visible = contactService.conditionFor(ContactFilter.ALL);
        return jdbc.query(summarySelect(visible) + " where l.id = :id", visible.params().addValue("id", listId),
                ListService::mapSummary).stream().findFirst();
    }

    /** A list with its counts of the members and exclusions the current user may see. */
    private static String summarySelect(ContactCondition visible) {
        return """
                select l.id, l.name, l.description, l.manual, l.created_by, l.created_at,
                       (select count(*) from list_member m %1$s where m.list_id = l.id %2$s) as member_count,
                       (select count(*) from list_exclusion m %1$s where m.list_id = l.id %2$s) as exclusion_count
                from contact_list l
                """.formatted(visible.matchesEverything() ? "" : "join contact c on c.id = m.contact_id",
                visible.matchesEverything() ? "" : "and " + visible.sql());
    }

    @Transactional(readOnly = true)
    public Optional<ListDetails> findDetails(long listId) {
        return lists.findById(listId).map(ListService::toDetails);
    }

    /** Every list's id and name, for pickers. Lists are few next to contacts. */
    @Transactional(readOnly = true)
    public List<ListChoice> choices() {
        return jdbc.query("select id, name, manual from contact_list order by name_key", new MapSqlParameterSource(),
                (rs, n) -> new ListChoice(rs.getLong("id"), rs.getString("name"), rs.getBoolean("manual")));
    }

    // --- creating and editing ----------------------------------------------------------------

    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public long create(@Valid ListDraft draft) {
        boolean applyRules = !draft.manual() && draft.applyToExisting();
        if (applyRules) {
            bulkWorkLock.acquire(ProgressListener.NONE);
        }
        if (lists.existsByNameKey(ContactList.nameKey(draft.name()))) {
            throw new DuplicateListNameException(draft.name());
        }
        ContactList list = lists.saveAndFlush(new ContactList(draft, currentUser.username(), clock.instant()));
        if (applyRules) {
            applyRules(list);
        }
        return list.getId();
    }

    /** Saves name, description and rules; a rule-based list is refreshed when asked to apply its rules. */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public void update(long listId, @Valid ListDraft draft) {
        boolean applyRules = !draft.manual() && draft.applyToExisting();
        if (applyRules) {
            bulkWorkLock.acquire(ProgressListener.NONE);
        }
        ContactList list = listRows.lock(listId);
        if (list.isManual() && !draft.manual()) {
            throw new UserFacingException("A manual list cannot be turned into a rule-based one. Create a new rule-based list instead.");
        }
        if (lists.existsByNameKeyAndIdNot(ContactList.nameKey(draft.name()), listId)) {
            throw new DuplicateListNameException(draft.name());
        }
        list.update(draft);
        lists.flush();
        if (!list.isManual() && applyRules) {
            applyRules(list);
        }
    }

    /** Refreshes a rule-based list from its rules: hand-added members stay, exclusions stay out. */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public RebuildResult rebuild(long listId) {
        bulkWorkLock.acquire(ProgressListener.NONE);
        ContactList list = listRows.lock(listId);
        if (list.isManual()) {
            throw new UserFacingException("A manual list has no rules to rebuild from.");
        }
        return applyRules(list);
    }

    /** Makes the rule members of the list those matching its rules now; audited, as it can empty a list. */
    private RebuildResult applyRules(ContactList list) {
        ContactCondition rules = ContactCondition.of(list.getRules().asFilter(), clock.getZone());
        listRows.membersChanged(list.getId());
        int removed = jdbc.update("""
                delete from list_member
                where list_id = :list and source = 'RULE'
                and not exists (select 1 from contact c where c.id = list_member.contact_id and %s)
                """.formatted(rules.sql()), rules.params().addValue("list", list.getId()));
        int added = listRows.addMembers(list.getId(), MemberSource.RULE, rules, clock.instant());
        audit.record(AuditEvent.rulesApplied(list.getId(), list.getName(), added, removed));
        return new RebuildResult(added, removed);
    }

    // --- helpers ------------------------------------------------------------------------------

    private static MapSqlParameterSource searchParams(String search) {
        SearchText.requireWithinLimit(search);
        String prefix = search == null ? "" : SearchText.escapedForLike(search);
        return new MapSqlParameterSource("search", "%" + prefix + "%");
    }

    private static ListDetails toDetails(ContactList list) {
        return new ListDetails(list.getId(), list.getName(), list.getDescription(), list.isManual(), list.getRules());
    }

    private static ListSummary mapSummary(ResultSet rs, int rowNum) throws SQLException {
        return new ListSummary(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getBoolean("manual"), rs.getLong("member_count"), rs.getLong("exclusion_count"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
