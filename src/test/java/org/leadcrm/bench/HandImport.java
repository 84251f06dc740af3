package org.leadcrm.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The floor for an import: the clean rows of the same file loaded by the database's own bulk load,
 * and merged by hand-written SQL with the same effect as an import that updates existing contacts
 * (synced ones excepted) into a new list — on PostgreSQL {@code COPY … FROM STDIN} into a temporary
 * table, on H2 a {@code CSVREAD}-based {@code INSERT … SELECT}. No checking of rows, no rejects, no
 * audit, no lock: what a database administrator would run on a file already cleaned.
 */
final class HandImport {

    private static final String UPDATE_SET = """
            first_name = coalesce(s.first_name, c.first_name), last_name = coalesce(s.last_name, c.last_name),
            email = s.email, phone = coalesce(s.phone, c.phone), company = coalesce(s.company, c.company),
            title = coalesce(s.title, c.title), city = coalesce(s.city, c.city), country = coalesce(s.country, c.country),
            status = coalesce(s.status, c.status), lead_score = coalesce(s.lead_score, c.lead_score),
            updated_at = :now, version = c.version + 1
            """;
    private static final String INSERT = """
            insert into contact (first_name, last_name, email, email_key, phone, company, title, city, country, status,
                lead_score, owner_id, crm_system, created_at, updated_at, version)
            %s select s.first_name, s.last_name, s.email, s.email_key, s.phone, s.company, s.title, s.city, s.country,
                coalesce(s.status, 'LEAD'), coalesce(s.lead_score, 0), null, 'NONE', :now, :now, 0
            from import_stage s where not exists (select 1 from contact c where c.email_key = s.email_key)
            """;

    private final BenchDb db;
    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    HandImport(BenchApp app) {
        this.db = app.db();
        // The bean, not the pool behind it: the transaction's connection is bound to the bean.
        this.dataSource = app.bean(DataSource.class);
        this.jdbc = app.jdbc();
        this.tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
    }

    /** @return the contacts added to the new list */
    long run(Path cleanFile, String listName) {
        try {
            Long added = tx.execute(status -> {
                MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(Instant.now()))
                        .addValue("name", listName).addValue("key", listName.toLowerCase());
                long started = System.nanoTime();
                stage(cleanFile);
                long staged = System.nanoTime();
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.update("""
                        insert into contact_list (name, name_key, manual, created_by, created_at)
                        values (:name, :key, true, 'bench', :now)
                        """, params, key, new String[] {"id"});
                params.addValue("list", key.getKey().longValue());
                if (db == BenchDb.POSTGRES) {
                    jdbc.update("update contact c set " + UPDATE_SET + """
                            from import_stage s where s.email_key = c.email_key and c.crm_system = 'NONE'
                            """, params);
                } else {
                    jdbc.update("merge into contact c using import_stage s on c.email_key = s.email_key"
                            + " when matched and c.crm_system = 'NONE' then update set " + UPDATE_SET, params);
                }
                long updated = System.nanoTime();
                jdbc.update(INSERT.formatted(db == BenchDb.H2 ? "direct" : ""), params);
                long inserted = System.nanoTime();
                jdbc.update("""
                        update contact_list set member_version = member_version + 1 where id = :list
                        """, params);
                long members = jdbc.update("""
                        insert into list_member (list_id, contact_id, source, added_at)
                        select :list, c.id, 'MANUAL', :now from import_stage s join contact c on c.email_key = s.email_key
                        """, params);
                System.out.printf("  [hand import] staged in %.1f s, updated in %.1f s, inserted in %.1f s, list in %.1f s%n",
                        (staged - started) / 1e9, (updated - staged) / 1e9, (inserted - updated) / 1e9,
                        (System.nanoTime() - inserted) / 1e9);
                return members;
            });
            return added == null ? 0 : added;
        } finally {
            if (db == BenchDb.H2) {
                jdbc.getJdbcTemplate().execute("drop table if exists import_stage");
            }
        }
    }

    /** The clean rows into {@code import_stage}, by the database's own bulk load. */
    private void stage(Path cleanFile) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement st = connection.createStatement()) {
            if (db == BenchDb.POSTGRES) {
                st.execute("""
                        create temporary table import_stage (email varchar(254), first_name varchar(100),
                            last_name varchar(100), company varchar(150), title varchar(150), phone varchar(40),
                            city varchar(100), country varchar(100), status varchar(20), lead_score integer,
                            email_key varchar(254) generated always as (lower(email)) stored) on commit drop
                        """);
                try (Reader reader = Files.newBufferedReader(cleanFile, StandardCharsets.UTF_8)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy import_stage ("
                            + ImportFiles.CLEAN_COLUMNS + ") from stdin with (format csv)", reader);
                }
                st.execute("analyze import_stage");
            } else {
                st.execute("""
                        create local temporary table import_stage transactional as
                        select email, nullif(first_name, '') as first_name, nullif(last_name, '') as last_name,
                            nullif(company, '') as company, nullif(title, '') as title, nullif(phone, '') as phone,
                            nullif(city, '') as city, nullif(country, '') as country, nullif(status, '') as status,
                            cast(nullif(lead_score, '') as integer) as lead_score, lower(email) as email_key
                        from csvread('%s', '%s', 'charset=UTF-8')
                        """.formatted(cleanFile.toAbsolutePath().toString().replace("'", "''"),
                        ImportFiles.CLEAN_COLUMNS.replace(" ", "").toUpperCase()));
                st.execute("create index ix_import_stage_email on import_stage (email_key)");
            }
        } catch (Exception e) {
            throw new IllegalStateException("staging the clean rows", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
