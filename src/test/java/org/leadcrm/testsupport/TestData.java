package org.leadcrm.testsupport;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.list.ListRules;
import org.leadcrm.security.Role;
import org.leadcrm.security.SystemAuthentication;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Fixture data for service tests, written straight to the tables (fast, and independent of the
 * services under test), and read back for assertions. Users go through {@link UserService} so
 * that they are exactly what the application creates.
 *
 * <p>Contexts are shared between test classes, so {@link #wipe()} empties every table before
 * each test: no test depends on another's rows.
 */
@Component
public class TestData {

    /** The password of every user this class creates. */
    public static final String PASSWORD = "secret-password";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final UserService userService;
    private final Instant now = Instant.parse("2025-06-02T09:00:00Z");
    private volatile List<String> wipeOrder;

    TestData(NamedParameterJdbcTemplate jdbc, DataSource dataSource, UserService userService) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.userService = userService;
    }

    // --- wiping -----------------------------------------------------------------------------------

    /** Deletes every row of every table (but Flyway's history and the lock rows), children before parents. */
    public void wipe() {
        for (String table : wipeOrder()) {
            jdbc.getJdbcTemplate().update("delete from " + table);
        }
    }

    private List<String> wipeOrder() {
        List<String> order = wipeOrder;
        if (order == null) {
            order = computeWipeOrder();
            wipeOrder = order;
        }
        return order;
    }

    /** The tables ordered so that each comes before every table its rows reference. */
    private List<String> computeWipeOrder() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            Map<String, Set<String>> referencedBy = new LinkedHashMap<>();
            try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    // The lock rows are part of the schema, like Flyway's history.
                    if (!table.startsWith("flyway_") && !table.equals("bulk_work_lock")) {
                        referencedBy.put(table, new HashSet<>());
                    }
                }
            }
            for (String table : referencedBy.keySet()) {
                try (ResultSet keys = meta.getImportedKeys(null, schema, tableNameAsStored(meta, table))) {
                    while (keys.next()) {
                        String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!parent.equals(table) && referencedBy.containsKey(parent)) {
                            referencedBy.get(parent).add(table);
                        }
                    }
                }
            }
            List<String> order = new ArrayList<>();
            while (!referencedBy.isEmpty()) {
                String next = referencedBy.entrySet().stream()
                        .filter(entry -> entry.getValue().stream().allMatch(order::contains))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("Foreign keys form a cycle: " + referencedBy.keySet()));
                order.add(next);
                referencedBy.remove(next);
            }
            return List.copyOf(order);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schema", e);
        }
    }

    private static String tableNameAsStored(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    // --- users ------------------------------------------------------------------------------------

    /**
     * Creates a user through {@link UserService#createUser}. Tests signed in with
     * {@code @WithMockUser(username = ...)} create the user of that name where the service looks
     * the signed-in user up (a Jr. Salesperson's own contacts, for one).
     *
     * <p>Creating users is for Administrators, so this runs as the system, whoever the test is
     * signed in as — on a thread of its own: in a Karibu test signed in as someone, Vaadin's
     * security-context strategy would read that user's context from the mocked session instead.
     *
     * <p>The "User created" audit entry this writes is removed again: a fixture's users are not
     * what a test audits, and tests count the entries of what they do.
     */
    public UserSummary user(String username, Role role) {
        UserSummary user = createUser(username, role);
        jdbc.update("delete from audit_entry where operation = 'USER_CREATED' and target_username = :username",
                new MapSqlParameterSource("username", username));
        return user;
    }

    private UserSummary createUser(String username, Role role) {
        try {
            return CompletableFuture.supplyAsync(
                            () -> SystemAuthentication.callAsSystem(
                                    () -> userService.createUser(username, "User " + username, PASSWORD, role)),
                            work -> new Thread(work, "test-data-user").start())
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A user named after the role in lower case, e.g. {@code jr_salesperson}. */
    public UserSummary user(Role role) {
        return user(usernameOf(role), role);
    }

    public boolean userExists(String username) {
        return queryLong("select count(*) from app_user where username = :username",
                new MapSqlParameterSource("username", username)) > 0;
    }

    public static String usernameOf(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    // --- contacts ---------------------------------------------------------------------------------

    /** A contact to be written with {@link NewContact#create()}; every field has a default. */
    public NewContact contact() {
        return new NewContact();
    }

    public long contact(String firstName, String lastName) {
        return contact().name(firstName, lastName).create();
    }

    /** {@code count} plain contacts, none synced, written in one batch; their ids in order of creation. */
    public List<Long> contacts(int count) {
        long batch = SEQUENCE.incrementAndGet();
        String prefix = "batch" + batch + "-";
        MapSqlParameterSource[] rows = new MapSqlParameterSource[count];
        for (int i = 0; i < count; i++) {
            String email = prefix + i + "@example.com";
            rows[i] = new MapSqlParameterSource("first", "First" + batch + "x" + i)
                    .addValue("last", "Last" + batch + "x" + i)
                    .addValue("email", email)
                    .addValue("created", Timestamp.from(now.plusSeconds(i)));
        }
        jdbc.batchUpdate("""
                insert into contact (first_name, last_name, email, email_key, status, lead_score, crm_system,
                    created_at, updated_at)
                values (:first, :last, :email, :email, 'LEAD', 0, 'NONE', :created, :created)
                """, rows);
        return jdbc.queryForList("select id from contact where email_key like :prefix order by id",
                new MapSqlParameterSource("prefix", prefix + "%"), Long.class);
    }

    /** A contact owned by Salesforce. */
    public long syncedContact() {
        return contact().synced(CrmSystem.SALESFORCE).create();
    }

    public final class NewContact {
        private final long n = SEQUENCE.incrementAndGet();
        private String firstName = "First" + n;
        private String lastName = "Last" + n;
        private String email;
        private String phone;
        private String company;
        private String city;
        private String country;
        private ContactStatus status = ContactStatus.LEAD;
        private int leadScore;
        private Long ownerId;
        private CrmSystem crmSystem = CrmSystem.NONE;
        private String externalId;
        private Instant createdAt = now.plusSeconds(n);

        private NewContact() {
        }

        public NewContact name(String first, String last) {
            this.firstName = first;
            this.lastName = last;
            return this;
        }

        public NewContact email(String value) {
            this.email = value;
            return this;
        }

        public NewContact phone(String value) {
            this.phone = value;
            return this;
        }

        public NewContact company(String value) {
            this.company = value;
            return this;
        }

        public NewContact city(String value) {
            this.city = value;
            return this;
        }

        public NewContact country(String value) {
            this.country = value;
            return this;
        }

        public NewContact status(ContactStatus value) {
            this.status = value;
            return this;
        }

        public NewContact score(int value) {
            this.leadScore = value;
            return this;
        }

        public NewContact owner(long userId) {
            this.ownerId = userId;
            return this;
        }

        public NewContact synced(CrmSystem system) {
            this.crmSystem = system;
            this.externalId = system.isSynced() ? "EXT-" + n : null;
            return this;
        }

        public NewContact createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public long create() {
            String address = email != null ? email
                    : (firstName + "." + lastName + "." + n + "@example.com").toLowerCase(Locale.ROOT).replace(' ', '-');
            return insert("""
                    insert into contact (first_name, last_name, email, email_key, phone, company, city, country, status,
                        lead_score, owner_id, crm_system, external_id, created_at, updated_at)
                    values (:first, :last, :email, :emailKey, :phone, :company, :city, :country, :status,
                        :score, :owner, :crm, :external, :created, :created)
                    """, new MapSqlParameterSource()
                    .addValue("first", firstName)
                    .addValue("last", lastName)
                    .addValue("email", address)
                    .addValue("emailKey", address.strip().toLowerCase(Locale.ROOT))
                    .addValue("phone", phone)
                    .addValue("company", company)
                    .addValue("city", city)
                    .addValue("country", country)
                    .addValue("status", status.name())
                    .addValue("score", leadScore)
                    .addValue("owner", ownerId)
                    .addValue("crm", crmSystem.name())
                    .addValue("external", externalId)
                    .addValue("created", Timestamp.from(createdAt)));
        }
    }

    // --- lists, members, exclusions ----------------------------------------------------------------

    public long manualList(String name) {
        return list(name, true, ListRules.NONE);
    }

    public long ruleBasedList(String name, ListRules rules) {
        return list(name, false, rules);
    }

    private long list(String name, boolean manual, ListRules rules) {
        return insert("""
                insert into contact_list (name, name_key, manual, rule_company, rule_city, rule_country, rule_status,
                    rule_owner_id, rule_min_score, rule_max_score, rule_created_from, rule_created_to, created_by, created_at)
                values (:name, :key, :manual, :company, :city, :country, :status,
                    :owner, :minScore, :maxScore, :from, :to, 'test', :now)
                """, new MapSqlParameterSource()
                .addValue("name", name)
                .addValue("key", name.strip().toLowerCase(Locale.ROOT))
                .addValue("manual", manual)
                .addValue("company", rules.company())
                .addValue("city", rules.city())
                .addValue("country", rules.country())
                .addValue("status", rules.status() == null ? null : rules.status().name())
                .addValue("owner", rules.ownerId())
                .addValue("minScore", rules.minScore())
                .addValue("maxScore", rules.maxScore())
                .addValue("from", rules.createdFrom() == null ? null : java.sql.Date.valueOf(rules.createdFrom()))
                .addValue("to", rules.createdTo() == null ? null : java.sql.Date.valueOf(rules.createdTo()))
                .addValue("now", Timestamp.from(now)));
    }

    /** Adds the contacts to the list as if by hand (Bulk Edit). */
    public void addMembers(long listId, Collection<Long> contactIds) {
        addMembers(listId, "MANUAL", contactIds);
    }

    public void addMembers(long listId, Long... contactIds) {
        addMembers(listId, List.of(contactIds));
    }

    /** Adds the contacts to the list as its rules would. */
    public void addRuleMembers(long listId, Collection<Long> contactIds) {
        addMembers(listId, "RULE", contactIds);
    }

    private void addMembers(long listId, String source, Collection<Long> contactIds) {
        batch("insert into list_member (list_id, contact_id, source, added_at) values (:list, :contact, '"
                + source + "', :now)", listId, contactIds);
    }

    public void exclude(long listId, Collection<Long> contactIds) {
        batch("insert into list_exclusion (list_id, contact_id, created_at) values (:list, :contact, :now)",
                listId, contactIds);
    }

    public void exclude(long listId, Long... contactIds) {
        exclude(listId, List.of(contactIds));
    }

    private void batch(String sql, long listId, Collection<Long> contactIds) {
        MapSqlParameterSource[] rows = contactIds.stream()
                .map(id -> new MapSqlParameterSource("list", listId).addValue("contact", id)
                        .addValue("now", Timestamp.from(now)))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate(sql, rows);
    }

    // --- opportunities ------------------------------------------------------------------------------

    /** An opportunity linked to the given leads. */
    public long opportunity(String name, Long... leadIds) {
        long id = insert("""
                insert into opportunity (name, amount, stage, close_date)
                values (:name, :amount, 'PROSPECTING', :close)
                """, new MapSqlParameterSource("name", name)
                .addValue("amount", new BigDecimal("1000.00"))
                .addValue("close", java.sql.Date.valueOf(LocalDate.of(2025, 12, 31))));
        linkOpportunity(id, leadIds);
        return id;
    }

    public void linkOpportunity(long opportunityId, Long... leadIds) {
        for (Long leadId : leadIds) {
            jdbc.update("insert into opportunity_contact (opportunity_id, contact_id) values (:o, :c)",
                    new MapSqlParameterSource("o", opportunityId).addValue("c", leadId));
        }
    }

    // --- reading back -------------------------------------------------------------------------------

    public long count(String table) {
        return queryLong("select count(*) from " + table, new MapSqlParameterSource());
    }

    /** The list's membership version as a confirmation would show it; -1 for no such list. */
    public long memberVersion(long listId) {
        return jdbc.query("select member_version from contact_list where id = :id", new MapSqlParameterSource("id", listId),
                (rs, n) -> rs.getLong(1)).stream().findFirst().orElse(-1L);
    }

    public boolean contactExists(long contactId) {
        return exists("contact", "id", contactId);
    }

    public boolean listExists(long listId) {
        return exists("contact_list", "id", listId);
    }

    public boolean opportunityExists(long opportunityId) {
        return exists("opportunity", "id", opportunityId);
    }

    public Set<Long> contactIds() {
        return ids("select id from contact", new MapSqlParameterSource());
    }

    public Set<Long> members(long listId) {
        return ids("select contact_id from list_member where list_id = :list", new MapSqlParameterSource("list", listId));
    }

    /** Members with their source, MANUAL or RULE. */
    public Map<Long, String> memberSources(long listId) {
        Map<Long, String> sources = new HashMap<>();
        jdbc.query("select contact_id, source from list_member where list_id = :list",
                new MapSqlParameterSource("list", listId),
                rs -> {
                    sources.put(rs.getLong(1), rs.getString(2));
                });
        return sources;
    }

    public Set<Long> exclusions(long listId) {
        return ids("select contact_id from list_exclusion where list_id = :list", new MapSqlParameterSource("list", listId));
    }

    public Set<Long> opportunityLeads(long opportunityId) {
        return ids("select contact_id from opportunity_contact where opportunity_id = :o",
                new MapSqlParameterSource("o", opportunityId));
    }

    /** Every row of the tables a deletion touches, to compare before and after. */
    public Snapshot snapshot() {
        return new Snapshot(
                ids("select id from contact", new MapSqlParameterSource()),
                ids("select id from contact_list", new MapSqlParameterSource()),
                pairs("select list_id, contact_id from list_member"),
                pairs("select list_id, contact_id from list_exclusion"),
                ids("select id from opportunity", new MapSqlParameterSource()),
                pairs("select opportunity_id, contact_id from opportunity_contact"),
                count("audit_entry"));
    }

    /**
     * Every row of every table, as text, table by table: equal before and after exactly when the
     * database is exactly as it was.
     */
    public Map<String, List<String>> everyRow() {
        Map<String, List<String>> rows = new TreeMap<>();
        List<String> tables = new ArrayList<>(wipeOrder());
        tables.add("bulk_work_lock");
        for (String table : tables) {
            List<String> lines = new ArrayList<>(jdbc.getJdbcTemplate().query("select * from " + table, (rs, n) -> {
                StringBuilder line = new StringBuilder();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    line.append(rs.getMetaData().getColumnLabel(column)).append('=').append(rs.getString(column)).append(' ');
                }
                return line.toString();
            }));
            Collections.sort(lines);
            rows.put(table, lines);
        }
        return rows;
    }

    /** The rows of the tables a deletion touches; pairs are (list or opportunity id, contact id). */
    public record Snapshot(Set<Long> contacts, Set<Long> lists, Set<Pair> members, Set<Pair> exclusions,
            Set<Long> opportunities, Set<Pair> opportunityLeads, long auditEntries) {

        public Set<Pair> membersOf(long listId) {
            return filter(members, listId);
        }

        public Set<Pair> exclusionsOf(long listId) {
            return filter(exclusions, listId);
        }

        private static Set<Pair> filter(Set<Pair> pairs, long owner) {
            Set<Pair> result = new HashSet<>();
            pairs.stream().filter(pair -> pair.owner() == owner).forEach(result::add);
            return result;
        }
    }

    public record Pair(long owner, long contact) {
    }

    public JdbcTemplate jdbc() {
        return jdbc.getJdbcTemplate();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private long insert(String sql, MapSqlParameterSource params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(sql, params, keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    private boolean exists(String table, String column, long id) {
        return queryLong("select count(*) from " + table + " where " + column + " = :id",
                new MapSqlParameterSource("id", id)) > 0;
    }

    private long queryLong(String sql, MapSqlParameterSource params) {
        Long value = jdbc.queryForObject(sql, params, Long.class);
        return value == null ? 0 : value;
    }

    private Set<Long> ids(String sql, MapSqlParameterSource params) {
        return new HashSet<>(jdbc.queryForList(sql, params, Long.class));
    }

    private Set<Pair> pairs(String sql) {
        return new HashSet<>(jdbc.query(sql, (rs, n) -> new Pair(rs.getLong(1), rs.getLong(2))));
    }
}
