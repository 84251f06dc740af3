package org.leadcrm.list;

import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.BulkWorkLock;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.SearchText;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactService;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Lists and their membership: create and edit, Bulk Edit into a list, rebuild a rule-based list,
 * remove one member, exclusions. A membership change locks the list's row and bumps its
 * membership version in the same transaction, so it never interleaves with a checked deletion;
 * one that reaches many contacts takes the bulk-work lock first (docs/decisions/004).
 *
 * <p>Counts and exclusions are read through the current user's visibility condition: a
 * Jr. Salesperson learns nothing of contacts they may not see, not even how many there are.
 */
@Service
@Validated
@PreAuthorize(Role.Can.SIGNED_IN)
public class ListService {

    private static final int BULK_EDIT_STEPS = 3;

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
        ContactCondition visible = visibleContacts();
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
        return count("select count(*) from contact_list l where l.name_key like :search escape '\\'", searchParams(search));
    }

    @Transactional(readOnly = true)
    public Optional<ListSummary> findSummary(long listId) {
        ContactCondition visible = visibleContacts();
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

    @Transactional(readOnly = true)
    public long memberCount(long listId) {
        ContactCondition visible = visibleContacts();
        return count("select count(*) from list_member m join contact c on c.id = m.contact_id where m.list_id = :list and "
                + visible.sql(), visible.params().addValue("list", listId));
    }

    /** The list's exclusions among the contacts the current user may see. */
    @Transactional(readOnly = true)
    public List<ExcludedContact> findExclusions(long listId, int offset, int limit) {
        ContactCondition visible = visibleContacts();
        return jdbc.query("""
                select c.id, c.first_name, c.last_name, c.email, c.company, e.created_at
                from list_exclusion e join contact c on c.id = e.contact_id
                where e.list_id = :list and %s
                order by c.last_name, c.first_name, c.id
                limit :limit offset :offset
                """.formatted(visible.sql()),
                visible.params().addValue("list", listId).addValue("limit", limit).addValue("offset", offset),
                (rs, n) -> new ExcludedContact(rs.getLong("id"), rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getString("email"), rs.getString("company"), rs.getTimestamp("created_at").toInstant()));
    }

    @Transactional(readOnly = true)
    public long countExclusions(long listId) {
        ContactCondition visible = visibleContacts();
        return count("select count(*) from list_exclusion e join contact c on c.id = e.contact_id where e.list_id = :list and "
                + visible.sql(), visible.params().addValue("list", listId));
    }

    private ContactCondition visibleContacts() {
        return contactService.conditionFor(ContactFilter.ALL);
    }

    // --- creating and editing ----------------------------------------------------------------

    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public long create(@Valid ListDraft draft) {
        if (lists.existsByNameKey(ContactList.nameKey(draft.name()))) {
            throw new DuplicateListNameException(draft.name());
        }
        ContactList list = lists.saveAndFlush(new ContactList(draft, currentUser.username(), clock.instant()));
        if (!draft.manual() && draft.applyToExisting()) {
            bulkWorkLock.acquire(ProgressListener.NONE);
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
        MapSqlParameterSource params = rules.params()
                .addValue("list", list.getId())
                .addValue("now", Timestamp.from(clock.instant()));
        listRows.membersChanged(list.getId());
        int removed = jdbc.update("""
                delete from list_member
                where list_id = :list and source = 'RULE'
                and not exists (select 1 from contact c where c.id = list_member.contact_id and %s)
                """.formatted(rules.sql()), params);
        int added = insertMembers("RULE", rules, params);
        audit.record(AuditEvent.rulesApplied(list.getId(), list.getName(), added, removed));
        return new RebuildResult(added, removed);
    }

    // --- Bulk Edit -----------------------------------------------------------------------------

    /** Adds the selected contacts to a list, skipping those it excludes. */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public BulkAddResult addContacts(long listId, BulkSelection selection, ProgressListener progress) {
        progress.phase("Locking the list", 1, BULK_EDIT_STEPS);
        bulkWorkLock.acquire(progress);
        listRows.lock(listId);
        return addSelected(listId, selection, progress);
    }

    /** Creates a manual list and adds the selected contacts to it, in one transaction. */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public NewListResult addContactsToNewList(@Valid ListDraft draft, BulkSelection selection, ProgressListener progress) {
        if (!draft.manual()) {
            throw new UserFacingException("Bulk Edit creates manual lists only.");
        }
        progress.phase("Creating the list", 1, BULK_EDIT_STEPS);
        bulkWorkLock.acquire(progress);
        long listId = create(draft);
        return new NewListResult(listId, addSelected(listId, selection, progress));
    }

    private BulkAddResult addSelected(long listId, BulkSelection selection, ProgressListener progress) {
        progress.phase("Counting the contacts", 2, BULK_EDIT_STEPS);
        ContactCondition condition = conditionFor(selection);
        MapSqlParameterSource params = condition.params()
                .addValue("list", listId)
                .addValue("now", Timestamp.from(clock.instant()));
        BulkAddResult counted = jdbc.queryForObject("""
                select count(*) as matching,
                       count(m.contact_id) as members,
                       sum(case when e.contact_id is not null and m.contact_id is null then 1 else 0 end) as excluded
                from contact c
                left join list_member m on m.list_id = :list and m.contact_id = c.id
                left join list_exclusion e on e.list_id = :list and e.contact_id = c.id
                where %s
                """.formatted(condition.sql()), params,
                (rs, n) -> new BulkAddResult(rs.getLong("matching"), rs.getLong("members"), rs.getLong("excluded")));
        long toAdd = counted.added() - counted.alreadyMembers() - counted.excluded();
        progress.phase("Adding " + String.format(Locale.US, "%,d", toAdd) + " contacts to the list", 3, BULK_EDIT_STEPS);
        listRows.membersChanged(listId);
        int added = insertMembers("MANUAL", condition, params);
        return new BulkAddResult(added, counted.alreadyMembers(), counted.excluded());
    }

    /** Adds the contacts matching {@code condition} that are neither members nor excluded. */
    private int insertMembers(String source, ContactCondition condition, MapSqlParameterSource params) {
        return jdbc.update("""
                insert into list_member (list_id, contact_id, source, added_at)
                select :list, c.id, '%s', :now from contact c
                where %s
                and not exists (select 1 from list_member m where m.list_id = :list and m.contact_id = c.id)
                and not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = c.id)
                """.formatted(source, condition.sql()), params);
    }

    private ContactCondition conditionFor(BulkSelection selection) {
        if (selection instanceof BulkSelection.Matching matching) {
            return contactService.conditionFor(matching.filter());
        }
        Set<Long> ids = ((BulkSelection.Selected) selection).contactIds();
        if (ids.isEmpty()) {
            throw new UserFacingException("Select at least one contact.");
        }
        if (ids.size() > BulkSelection.MAX_SELECTED) {
            throw new UserFacingException("Too many rows ticked. Use \"all matching the filter\" instead.");
        }
        return ContactCondition.idIn(ids).and(visibleContacts());
    }

    // --- single members and exclusions ------------------------------------------------------------

    /** Removes one member; on a rule-based list this excludes it, or the next rebuild would bring it back. */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public void removeMember(long listId, long contactId) {
        ContactList list = listRows.lock(listId);
        MapSqlParameterSource params = memberParams(listId, contactId);
        listRows.membersChanged(listId);
        jdbc.update("delete from list_member where list_id = :list and contact_id = :contact", params);
        if (!list.isManual()) {
            insertExclusion(params);
        }
    }

    /** Excludes a contact: it leaves the list and never comes back by rule or Bulk Edit. */
    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public void addExclusion(long listId, long contactId) {
        listRows.lock(listId);
        MapSqlParameterSource params = memberParams(listId, contactId);
        listRows.membersChanged(listId);
        jdbc.update("delete from list_member where list_id = :list and contact_id = :contact", params);
        insertExclusion(params);
    }

    @Transactional
    @PreAuthorize(Role.Can.MANAGE_LISTS)
    public void removeExclusion(long listId, long contactId) {
        listRows.lock(listId);
        jdbc.update("delete from list_exclusion where list_id = :list and contact_id = :contact", memberParams(listId, contactId));
    }

    private void insertExclusion(MapSqlParameterSource params) {
        jdbc.update("""
                insert into list_exclusion (list_id, contact_id, created_at)
                select :list, c.id, :now from contact c
                where c.id = :contact
                and not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = :contact)
                """, params);
    }

    private MapSqlParameterSource memberParams(long listId, long contactId) {
        return new MapSqlParameterSource("list", listId)
                .addValue("contact", contactId)
                .addValue("now", Timestamp.from(clock.instant()));
    }

    // --- helpers ------------------------------------------------------------------------------

    private long count(String sql, MapSqlParameterSource params) {
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }

    private static MapSqlParameterSource searchParams(String search) {
        SearchText.requireWithinLimit(search);
        String prefix = search == null ? "" : search.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
