package org.leadcrm.bench;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.leadcrm.LeadCrmApplication;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.testsupport.TestDatabaseInitializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * The whole LeadCRM application, started the way {@code @SpringBootTest} starts it (a mock servlet
 * context: Vaadin's security configuration needs one, no server is started), on the database the
 * benchmark asks for, plus what the benchmark needs around it: a signed-in administrator, plain
 * JDBC, and a way to put the database back into the state it was generated in.
 *
 * <p>PostgreSQL: a fresh database on the test support's embedded server; a snapshot is a copy of
 * it made with {@code CREATE DATABASE … TEMPLATE}, and restoring drops the database and copies it
 * back (file copy, seconds for a gigabyte). H2: the database is a file, as in production (an
 * in-memory database would hold a million contacts in the very heap that is measured); a snapshot
 * is a copy of the file taken while the database is shut down.
 */
final class BenchApp implements AutoCloseable {

    static final String ADMIN = "bench-admin";

    private final ConfigurableApplicationContext context;
    private final BenchDb db;
    private final HikariDataSource dataSource;
    private final Path h2Dir;
    private boolean snapshotTaken;

    private BenchApp(ConfigurableApplicationContext context, BenchDb db, Path h2Dir) {
        this.context = context;
        this.db = db;
        this.h2Dir = h2Dir;
        try {
            this.dataSource = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static BenchApp start(BenchDb db, Path workDir, boolean profile) {
        return start(db, workDir, profile, Map.of());
    }

    /** @param properties application settings of this run, over the benchmark's own */
    static BenchApp start(BenchDb db, Path workDir, boolean profile, Map<String, Object> properties) {
        System.setProperty(TestDatabaseInitializer.DATABASE_PROPERTY, db == BenchDb.POSTGRES ? "postgres" : "h2");
        Path h2Dir = workDir.resolve("h2");
        Map<String, Object> overrides = new HashMap<>();
        if (db == BenchDb.H2) {
            try {
                Files.createDirectories(h2Dir);
                try (var files = Files.list(h2Dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // As application.properties has it for production, but in the benchmark's own directory.
            overrides.put("spring.datasource.url", "jdbc:h2:file:" + h2Dir.toAbsolutePath().resolve("leadcrm")
                    + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
        }
        // Snapshots stop the pool for a moment while the database is copied.
        overrides.put("spring.datasource.hikari.allow-pool-suspension", "true");
        overrides.putAll(properties);
        ApplicationContextInitializer<ConfigurableApplicationContext> benchSettings = new Overrides(overrides);

        ConfigurableApplicationContext context = new SpringApplicationBuilder(LeadCrmApplication.class)
                .web(WebApplicationType.SERVLET)
                .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()))
                .initializers(new TestDatabaseInitializer(), benchSettings, ctx -> {
                    if (profile) {
                        StatementProfiler.db = db;
                        ctx.getBeanFactory().addBeanPostProcessor(new StatementProfiler());
                    }
                })
                .properties(Map.of(
                        "logging.level.root", "warn",
                        "logging.level.org.leadcrm.bench", "info",
                        // It warns of every field of the naive baseline's XML-mapped entities: it looks for public ones only.
                        "logging.level.org.hibernate.boot.model.internal.JPAXMLOverriddenAnnotationReader", "error",
                        "logging.level.org.leadcrm.imports", "info",
                        "spring.main.banner-mode", "off",
                        "spring.jpa.open-in-view", "false"))
                .logStartupInfo(false)
                .run();
        BenchApp app = new BenchApp(context, db, h2Dir);
        app.signInAdministrator();
        return app;
    }

    BenchDb db() {
        return db;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The H2 database file (empty for PostgreSQL). */
    Path h2File() {
        return h2Dir.resolve("leadcrm.mv.db");
    }

    Object bean(String name) {
        return context.getBean(name);
    }

    DataSource dataSource() {
        return dataSource;
    }

    NamedParameterJdbcTemplate jdbc() {
        return context.getBean(NamedParameterJdbcTemplate.class);
    }

    JdbcTemplate plainJdbc() {
        return jdbc().getJdbcTemplate();
    }

    /** A user row must exist for CurrentUser's look-ups; services are called as this administrator. */
    private void signInAdministrator() {
        signIn();
        UserService users = bean(UserService.class);
        if (users.findByUsername(ADMIN).isEmpty()) {
            users.createUser(ADMIN, "Benchmark Administrator", "bench-password-" + System.nanoTime(), Role.ADMIN);
        }
    }

    /** Signs the calling thread in as the administrator. */
    static void signIn() {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(ADMIN, null,
                AuthorityUtils.createAuthorityList(Role.ADMIN.authority()));
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);
    }

    // --- statistics, snapshots ------------------------------------------------------------------

    /** VACUUM ANALYZE on PostgreSQL, ANALYZE on H2: realistic plans for the generated data. */
    void analyze() {
        execute(db == BenchDb.POSTGRES ? "vacuum analyze" : "analyze");
        if (db == BenchDb.POSTGRES) {
            execute("checkpoint");
        }
    }

    /** Remembers the database as it is now; {@link #restore()} brings it back. */
    void snapshot() {
        if (db == BenchDb.POSTGRES) {
            // For warming the caches before each timed run; copied with the database.
            execute("create extension if not exists pg_prewarm");
        }
        withPoolStopped(() -> {
            if (db == BenchDb.POSTGRES) {
                admin("drop database if exists " + goldenName() + " with (force)");
                admin("create database " + goldenName() + " template " + databaseName() + " strategy file_copy");
            } else {
                shutdownH2("shutdown compact");
                copy(h2File(), h2Golden());
            }
        });
        snapshotTaken = true;
    }

    /** The database exactly as at the last {@link #snapshot()}. */
    void restore() {
        if (!snapshotTaken) {
            throw new IllegalStateException("no snapshot to restore");
        }
        withPoolStopped(() -> {
            if (db == BenchDb.POSTGRES) {
                admin("drop database " + databaseName() + " with (force)");
                admin("create database " + databaseName() + " template " + goldenName() + " strategy file_copy");
            } else {
                shutdownH2("shutdown");
                copy(h2Golden(), h2File());
            }
        });
        if (db == BenchDb.POSTGRES) {
            execute("checkpoint");
        }
    }

    /**
     * Gets the database ready for a timed run, so that the run times the operation, not the pool or
     * a cold cache: every connection of the pool opened (a restore closes them all), and every table
     * and index read into the database's cache (PostgreSQL: {@code pg_prewarm} into shared buffers,
     * as far as they hold; H2: each table and the indexes on contact ids read once).
     */
    void prepareRun() {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
                Connection connection = dataSource.getConnection();
                held.add(connection);
                try (Statement st = connection.createStatement()) {
                    st.execute("select 1");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the pool's connections", e);
        } finally {
            for (Connection connection : held) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // back to the pool or gone; the run opens another
                }
            }
        }
        if (db == BenchDb.POSTGRES) {
            plainJdbc().queryForObject("""
                    select count(pg_prewarm(c.oid)) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.relkind in ('r', 'i')
                    """, Long.class);
        } else {
            for (String read : List.of(
                    "select sum(length(email_key)) from contact",
                    "select count(*) from contact where id > 0",
                    "select sum(length(source)) from list_member",
                    "select count(*) from list_member where contact_id > 0",
                    "select count(created_at) from list_exclusion",
                    "select count(*) from list_exclusion where contact_id > 0",
                    "select sum(amount) from opportunity",
                    "select sum(opportunity_id) from opportunity_contact",
                    "select count(*) from opportunity_contact where contact_id > 0",
                    "select sum(member_version) from contact_list")) {
                plainJdbc().queryForList(read);
            }
        }
    }

    private void withPoolStopped(Runnable action) {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        pool.suspendPool();
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            // Evicting again and again: a connection still being opened joins the pool after the first eviction.
            pool.softEvictConnections();
            while (pool.getTotalConnections() > 0 && System.currentTimeMillis() < deadline) {
                sleep(20);
                pool.softEvictConnections();
            }
            if (pool.getTotalConnections() > 0) {
                throw new IllegalStateException("the pool still has " + pool.getTotalConnections() + " connections");
            }
            action.run();
            // A connection whose opening was under way when the pool stopped may have reached the old database.
            pool.softEvictConnections();
        } finally {
            pool.resumePool();
        }
    }

    private void shutdownH2(String statement) {
        try (Connection connection = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword()); Statement st = connection.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("could not shut H2 down", e);
        }
    }

    private Path h2Golden() {
        return h2Dir.resolve("golden.mv.db.copy");
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String databaseName() {
        String url = dataSource.getJdbcUrl();
        String path = url.substring(url.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private String goldenName() {
        return databaseName() + "_golden";
    }

    private void admin(String sql) {
        String url = dataSource.getJdbcUrl().replace("/" + databaseName(), "/postgres");
        try (Connection connection = DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword());
                Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** One statement outside any transaction (VACUUM must not run in one). */
    void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        SecurityContextHolder.clearContext();
        if (snapshotTaken) {
            withPoolStopped(() -> {
                if (db == BenchDb.POSTGRES) {
                    admin("drop database if exists " + goldenName() + " with (force)");
                }
            });
        }
        String database = db == BenchDb.POSTGRES ? databaseName() : null;
        context.close();
        if (database != null) {
            // A gigabyte per dataset: do not leave it on the embedded server for the rest of the run.
            admin("drop database if exists " + database + " with (force)");
        }
        if (db == BenchDb.H2) {
            try (var files = Files.list(h2Dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // leftovers in target/ only
            }
        }
    }

    /** Runs after the test support's initializer, so these win over its settings. */
    private record Overrides(Map<String, Object> properties)
            implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("leadcrmBench", properties));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
