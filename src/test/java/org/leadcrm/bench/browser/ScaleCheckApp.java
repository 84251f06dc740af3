package org.leadcrm.bench.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.leadcrm.LeadCrmApplication;
import org.leadcrm.testsupport.TestDatabaseInitializer;
import org.leadcrm.testsupport.TestDatabaseInitializer.Database;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/**
 * The whole application with its web server, started as the README's "a million contacts" starts
 * it: demo data on an empty database, then {@code --leadcrm.generate-contacts=N}, both before the
 * web server takes requests. H2 is a file in {@code <bench.dir>/browser-h2}, as
 * {@code ./mvnw spring-boot:run} has it; PostgreSQL a fresh database on the embedded server the
 * tests use.
 */
final class ScaleCheckApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path h2Dir;
    private final double startSeconds;

    private ScaleCheckApp(ConfigurableApplicationContext context, Path h2Dir, double startSeconds) {
        this.context = context;
        this.h2Dir = h2Dir;
        this.startSeconds = startSeconds;
    }

    static ScaleCheckApp start(Database db, int contacts, Path workDir) {
        return start(db, contacts, workDir, 0);
    }

    /** @param port the web server's port; 0 for a free one */
    static ScaleCheckApp start(Database db, int contacts, Path workDir, int port) {
        System.setProperty(TestDatabaseInitializer.DATABASE_PROPERTY, db.name().toLowerCase(java.util.Locale.ROOT));
        Path h2Dir = workDir.resolve("browser-h2");
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("leadcrm.demo-data.enabled", "true");
        settings.put("leadcrm.generate-contacts", String.valueOf(contacts));
        // Vaadin's development tools would cover notifications.
        settings.put("vaadin.devmode.devTools.enabled", "false");
        // The pool the application has in production, not the tests' smaller one.
        settings.put("spring.datasource.hikari.maximum-pool-size", "10");
        if (db == Database.H2) {
            deleteRecursively(h2Dir);
            settings.put("spring.datasource.url", "jdbc:h2:file:" + h2Dir.toAbsolutePath().resolve("leadcrm")
                    + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
            settings.put("spring.datasource.username", "sa");
            settings.put("spring.datasource.password", "");
        }
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LeadCrmApplication.class)
                .initializers(new Overrides(settings))
                .properties(Map.of(
                        "logging.level.root", "warn",
                        "logging.level.org.leadcrm.demo", "info",
                        "spring.main.banner-mode", "off"))
                .logStartupInfo(false)
                .run();
        return new ScaleCheckApp(context, h2Dir, (System.nanoTime() - started) / 1e9);
    }

    String url() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** From the start of the application to its web server taking requests, generation included. */
    double startSeconds() {
        return startSeconds;
    }

    @Override
    public void close() {
        context.close();
        deleteRecursively(h2Dir);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs after the test support's initializer (which switches demo data off), so these win. */
    private record Overrides(Map<String, Object> properties)
            implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("scaleCheck", properties));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
