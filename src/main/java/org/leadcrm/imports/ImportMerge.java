package org.leadcrm.imports;

import java.sql.Timestamp;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The set-based statements that turn an import's staged rows into contacts, in the importing
 * transaction: a few statements whatever the number of rows, each reading only its own import's
 * rows. Contacts are matched by {@code email_key}, the unique lower-case address.
 */
@Component
class ImportMerge {

    /** The fields a row can set, as {@code column = coalesce(staged, current)}: a blank cell erases nothing. */
    private static final String KEEP_WHAT_IS_BLANK = """
            first_name = coalesce(r.first_name, c.first_name),
            last_name = coalesce(r.last_name, c.last_name),
            email = r.email,
            phone = coalesce(r.phone, c.phone),
            company = coalesce(r.company, c.company),
            title = coalesce(r.title, c.title),
            city = coalesce(r.city, c.city),
            country = coalesce(r.country, c.country),
            status = coalesce(r.status, c.status),
            lead_score = coalesce(r.lead_score, c.lead_score),
            owner_id = coalesce(r.owner_id, c.owner_id),
            updated_at = :now,
            version = c.version + 1
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private volatile @Nullable Boolean postgres;

    ImportMerge(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        // Rejected rows are read a thousand at a time, not all at once (PostgreSQL would otherwise fetch them all).
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    /**
     * Lets PostgreSQL's planner know how many rows were staged: without statistics it takes the staging
     * table for nearly empty, and joins it row by row. (ANALYZE counts the rows this transaction wrote.)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void staged() {
        if (isPostgres()) {
            jdbc.getJdbcTemplate().execute("analyze import_row");
        }
    }

    /**
     * Rejects every row whose address an earlier row of the file has, in any case: the first is
     * kept. The rejected rows leave the staging table.
     *
     * @return how many were rejected
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long rejectRepeatedAddresses(long importId) {
        MapSqlParameterSource params = new MapSqlParameterSource("import", importId);
        int repeated = jdbc.update("""
                insert into import_reject (import_id, line, reason)
                select r.import_id, r.line, 'The e-mail address is repeated: it is first on line '
                    || cast((select min(f.line) from import_row f
                             where f.import_id = r.import_id and f.email_key = r.email_key) as varchar(20)) || '.'
                from import_row r
                where r.import_id = :import
                and exists (select 1 from import_row f
                            where f.import_id = r.import_id and f.email_key = r.email_key and f.line < r.line)
                """, params);
        if (repeated > 0) {
            jdbc.update("""
                    delete from import_row
                    where import_id = :import
                    and line in (select j.line from import_reject j where j.import_id = :import)
                    """, params);
        }
        return repeated;
    }

    /**
     * Rejects the rows that would create a contact but lack what a new contact needs (a name); such
     * a row may still update an existing contact. The rejected rows leave the staging table.
     *
     * @return how many were rejected
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long rejectIncompleteNewRows(long importId) {
        MapSqlParameterSource params = new MapSqlParameterSource("import", importId);
        int rejected = jdbc.update("""
                insert into import_reject (import_id, line, reason)
                select r.import_id, r.line, r.missing from import_row r
                where r.import_id = :import and r.missing is not null
                and not exists (select 1 from contact c where c.email_key = r.email_key)
                """, params);
        if (rejected > 0) {
            jdbc.update("""
                    delete from import_row
                    where import_id = :import and missing is not null
                    and not exists (select 1 from contact c where c.email_key = import_row.email_key)
                    """, params);
        }
        return rejected;
    }

    /**
     * Writes the non-blank fields of each staged row over the contact with its address, unless that
     * contact is synced with a CRM: an import never changes those.
     *
     * @return how many contacts were updated
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long updateExisting(long importId, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("import", importId).addValue("now", Timestamp.from(now));
        if (isPostgres()) {
            return jdbc.update("update contact c set " + KEEP_WHAT_IS_BLANK + """
                    from import_row r
                    where r.import_id = :import and r.email_key = c.email_key and c.crm_system = 'NONE'
                    """, params);
        }
        return jdbc.update("""
                merge into contact c
                using (select * from import_row where import_id = :import) r
                on c.email_key = r.email_key
                when matched and c.crm_system = 'NONE' then update set
                """ + KEEP_WHAT_IS_BLANK, params);
    }

    /**
     * Creates a contact of each staged row whose address no contact has, owned by the row's owner or
     * else {@code defaultOwner}, a lead with score 0 unless the row says otherwise.
     *
     * @return how many contacts were created
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long createNew(long importId, @Nullable Long defaultOwner, Instant now) {
        Timestamp at = Timestamp.from(now);
        // H2 inserts each row as the query yields it instead of collecting them all first.
        return jdbc.update("""
                insert into contact (first_name, last_name, email, email_key, phone, company, title, city, country,
                    status, lead_score, owner_id, crm_system, created_at, updated_at, version)
                %s select r.first_name, r.last_name, r.email, r.email_key, r.phone, r.company, r.title, r.city, r.country,
                    coalesce(r.status, 'LEAD'), coalesce(r.lead_score, 0), coalesce(r.owner_id, cast(:owner as bigint)),
                    'NONE', :now, :now, 0
                from import_row r
                where r.import_id = :import
                and not exists (select 1 from contact c where c.email_key = r.email_key)
                """.formatted(isPostgres() ? "" : "direct"), new MapSqlParameterSource("import", importId)
                .addValue("owner", defaultOwner).addValue("now", at));
    }

    /** Hands each rejected row's line and reason to {@code handler}, in the order of the file. */
    @Transactional(propagation = Propagation.MANDATORY)
    void forEachRejected(long importId, RowCallbackHandler handler) {
        streaming.query("select line, reason from import_reject where import_id = :import order by line",
                new MapSqlParameterSource("import", importId), handler);
    }

    /** Deletes the import's staged rows, so that the transaction commits none. */
    @Transactional(propagation = Propagation.MANDATORY)
    void clear(long importId) {
        MapSqlParameterSource params = new MapSqlParameterSource("import", importId);
        jdbc.update("delete from import_row where import_id = :import", params);
        jdbc.update("delete from import_reject where import_id = :import", params);
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.getJdbcTemplate().execute(
                    (ConnectionCallback<Boolean>) connection -> connection.isWrapperFor(PGConnection.class)));
            postgres = known;
        }
        return known;
    }
}
