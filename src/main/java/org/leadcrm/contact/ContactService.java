package org.leadcrm.contact;

import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Reads contacts for the Contact Manager, paging, sorting and filtering in SQL, and creates and
 * changes them. A Jr. Salesperson only ever sees the contacts assigned to them, whatever they ask for.
 */
@Service
@Validated
@PreAuthorize("isAuthenticated()")
public class ContactService {

    private static final String ROW_SELECT = """
            select c.id, c.first_name, c.last_name, c.email, c.company, c.status, u.display_name as owner_name,
                   c.lead_score, c.crm_system, c.created_at
            from contact c left join app_user u on u.id = c.owner_id
            """;

    private static final RowMapper<ContactRow> ROW_MAPPER = ContactService::mapRow;

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactRepository contacts;
    private final CurrentUser currentUser;
    private final Clock clock;

    ContactService(NamedParameterJdbcTemplate jdbc, ContactRepository contacts, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * One page of the contacts matching {@code filter}, in the order asked for. The page's ids are
     * found first from the sort index alone, and only those rows are read: a page deep into a
     * million contacts skips index entries, not whole rows.
     */
    @Transactional(readOnly = true)
    public List<ContactRow> find(ContactFilter filter, ContactSort sort, boolean ascending, int offset, int limit) {
        ContactFilter visible = visible(filter);
        ContactCondition condition = ContactCondition.of(visible, clock.getZone());
        MapSqlParameterSource params = condition.params()
                .addValue("limit", limit)
                .addValue("offset", offset);
        return jdbc.query(pageSql(visible, condition, sort, ascending), params, ROW_MAPPER);
    }

    /** The statement of {@link #find} for a filter already narrowed to what the user may see. */
    static String pageSql(ContactFilter visible, ContactCondition condition, ContactSort sort, boolean ascending) {
        String orderBy = sort.orderBy(ascending, sort.hasIndexPerStatusAndOwner() ? fixedIndexColumn(visible) : null);
        return """
                select c.id, c.first_name, c.last_name, c.email, c.company, c.status, u.display_name as owner_name,
                       c.lead_score, c.crm_system, c.created_at
                from (select c.id from contact c where %s order by %s limit :limit offset :offset) page
                join contact c on c.id = page.id
                left join app_user u on u.id = c.owner_id
                order by %s
                """.formatted(condition.sql(), orderBy, orderBy);
    }

    @Transactional(readOnly = true)
    public long count(ContactFilter filter) {
        ContactCondition condition = conditionFor(filter);
        Long count = jdbc.queryForObject("select count(*) from contact c where " + condition.sql(),
                condition.params(), Long.class);
        return count == null ? 0 : count;
    }

    @Transactional(readOnly = true)
    public Optional<ContactRow> findRow(long id) {
        ContactCondition condition = conditionFor(ContactFilter.ALL);
        MapSqlParameterSource params = condition.params().addValue("id", id);
        return jdbc.query(ROW_SELECT + " where c.id = :id and " + condition.sql(), params, ROW_MAPPER)
                .stream().findFirst();
    }

    /**
     * The condition for what the current user may see of {@code filter}: the one place where
     * a Jr. Salesperson's view is narrowed to their own contacts.
     */
    @Transactional(readOnly = true)
    public ContactCondition conditionFor(ContactFilter filter) {
        return ContactCondition.of(visible(filter), clock.getZone());
    }

    /**
     * The condition for the contacts of {@code selection} that the current user may see: ticked
     * rows travel as one list of ids, at most {@link BulkSelection#MAX_SELECTED} of them.
     *
     * @throws UserFacingException if no row or too many rows are ticked
     */
    @Transactional(readOnly = true)
    public ContactCondition selectionCondition(BulkSelection selection) {
        if (selection instanceof BulkSelection.Matching matching) {
            return conditionFor(matching.filter());
        }
        Set<Long> ids = ((BulkSelection.Selected) selection).contactIds();
        if (ids.isEmpty()) {
            throw new UserFacingException("Select at least one contact.");
        }
        if (ids.size() > BulkSelection.MAX_SELECTED) {
            throw new UserFacingException("Too many rows ticked. Use \"all matching the filter\" instead.");
        }
        return ContactCondition.idIn(ids).and(conditionFor(ContactFilter.ALL));
    }

    /**
     * The filter in words for the audit log, with its owner and list named (see
     * {@link ContactFilter#describe}): never what was typed to search.
     */
    @Transactional(readOnly = true)
    public String describe(ContactFilter filter) {
        return filter.describe(id -> name("select display_name from app_user where id = :id", id),
                id -> name("select name from contact_list where id = :id", id));
    }

    private String name(String sql, long id) {
        return jdbc.queryForList(sql, new MapSqlParameterSource("id", id), String.class).stream().findFirst()
                .orElse("#" + id);
    }

    private ContactFilter visible(ContactFilter filter) {
        if (currentUser.is(Role.JR_SALESPERSON)) {
            long myId = currentUser.summary().map(UserSummary::id).orElse(-1L);
            return filter.withOwnerId(myId);
        }
        return filter;
    }

    /** The leading column of a status or owner index that the filter fixes to one value, if any. */
    private static String fixedIndexColumn(ContactFilter filter) {
        if (filter.status() != null) {
            return "c.status";
        }
        return filter.ownerId() != null ? "c.owner_id" : null;
    }

    /** The contact's page, if the contact exists and the current user may see it. */
    @Transactional(readOnly = true)
    public Optional<ContactDetails> details(long id) {
        ContactCondition condition = conditionFor(ContactFilter.ALL);
        return jdbc.query("""
                select c.*, u.display_name as owner_name
                from contact c left join app_user u on u.id = c.owner_id
                where c.id = :id and %s
                """.formatted(condition.sql()), condition.params().addValue("id", id), ContactService::mapDetails)
                .stream().findFirst();
    }

    /**
     * Creates a contact. A Jr. Salesperson's contacts are always their own, whatever the draft says.
     *
     * @throws DuplicateEmailException if another contact has the address, in any case
     */
    @Transactional
    public long create(@Valid ContactDraft draft) {
        ContactDraft tidy = ownedAsAllowed(draft.tidied(), null);
        refuseTakenEmail(tidy.email(), -1);
        try {
            return contacts.saveAndFlush(new Contact(tidy, clock.instant())).getId();
        } catch (DataIntegrityViolationException e) {
            throw duplicateOr(e, tidy.email());
        }
    }

    /**
     * Saves the form's fields over the contact, if nobody changed it since {@code version} was read.
     * A synced contact may be changed here; its CRM may overwrite the change at its next sync.
     *
     * @return the contact's new version
     * @throws StaleContactException    if the contact changed since {@code version}
     * @throws ContactNotFoundException if it is gone or the current user may not see it
     * @throws DuplicateEmailException  if another contact has the address, in any case
     */
    @Transactional
    public long update(long id, long version, @Valid ContactDraft draft) {
        if (details(id).isEmpty()) {
            throw new ContactNotFoundException();
        }
        Contact contact = contacts.findById(id).orElseThrow(ContactNotFoundException::new);
        if (contact.getVersion() != version) {
            throw new StaleContactException();
        }
        ContactDraft tidy = ownedAsAllowed(draft.tidied(), contact.getOwnerId());
        refuseTakenEmail(tidy.email(), id);
        contact.apply(tidy, clock.instant());
        try {
            return contacts.saveAndFlush(contact).getVersion();
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            throw new StaleContactException();
        } catch (DataIntegrityViolationException e) {
            throw duplicateOr(e, tidy.email());
        }
    }

    /** A Jr. Salesperson cannot give a contact to someone else: theirs stay theirs, new ones are theirs. */
    private ContactDraft ownedAsAllowed(ContactDraft draft, @Nullable Long currentOwner) {
        if (!currentUser.is(Role.JR_SALESPERSON)) {
            return draft;
        }
        long myId = currentUser.summary().map(UserSummary::id).orElse(-1L);
        if (currentOwner != null && currentOwner != myId) {
            throw new ContactNotFoundException();
        }
        return draft.withOwnerId(myId);
    }

    private void refuseTakenEmail(String email, long exceptId) {
        Boolean taken = jdbc.queryForObject(
                "select count(*) > 0 from contact where email_key = :key and id <> :id",
                new MapSqlParameterSource("key", email.toLowerCase(Locale.ROOT)).addValue("id", exceptId), Boolean.class);
        if (Boolean.TRUE.equals(taken)) {
            throw new DuplicateEmailException(email);
        }
    }

    /** The unique constraint on the e-mail key has the last word when two saves race for one address. */
    private static RuntimeException duplicateOr(DataIntegrityViolationException e, String email) {
        boolean emailTaken = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("uk_contact_email_key");
        return emailTaken ? new DuplicateEmailException(email) : e;
    }

    private static ContactDetails mapDetails(ResultSet rs, int rowNum) throws SQLException {
        ContactDraft fields = new ContactDraft(rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("company"), rs.getString("title"),
                rs.getString("city"), rs.getString("country"), ContactStatus.valueOf(rs.getString("status")),
                rs.getInt("lead_score"), rs.getObject("owner_id", Long.class));
        return new ContactDetails(rs.getLong("id"), rs.getLong("version"), fields, rs.getString("owner_name"),
                CrmSystem.valueOf(rs.getString("crm_system")), rs.getString("external_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static ContactRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new ContactRow(
                rs.getLong("id"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("company"),
                ContactStatus.valueOf(rs.getString("status")),
                rs.getString("owner_name"),
                rs.getInt("lead_score"),
                CrmSystem.valueOf(rs.getString("crm_system")),
                rs.getTimestamp("created_at").toInstant());
    }
}
