package org.leadcrm.demo;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether this run gets the demo users (with their known password) and demo contacts.
 *
 * <p>{@value #ENABLED} decides when it is set, either way. Otherwise only the README's
 * {@code ./mvnw spring-boot:run} gets demo data: the Maven plugin sets {@value #ON_EMBEDDED} for
 * it, and demo data is then seeded only into an in-process H2 database. A default is not set in
 * application.properties on purpose: a property there could not tell "left alone" from "switched
 * off", and a system property for {@code enabled=true} would outrank the {@code postgres} profile.
 * So the production jar, or any run against PostgreSQL or a remote H2 server, gets no demo users
 * unless asked for them explicitly.
 */
class DemoDataCondition extends SpringBootCondition {

    static final String ENABLED = "leadcrm.demo-data.enabled";
    static final String ON_EMBEDDED = "leadcrm.demo-data.on-embedded-database";
    private static final String DATASOURCE_URL = "spring.datasource.url";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean wanted = wanted(context.getEnvironment());
        return new ConditionOutcome(wanted, "demo data " + (wanted ? "wanted" : "not wanted") + " ("
                + ENABLED + "=" + context.getEnvironment().getProperty(ENABLED) + ", "
                + ON_EMBEDDED + "=" + context.getEnvironment().getProperty(ON_EMBEDDED) + ")");
    }

    static boolean wanted(Environment environment) {
        String enabled = environment.getProperty(ENABLED);
        if (enabled != null && !enabled.isBlank()) {
            return Boolean.parseBoolean(enabled.strip());
        }
        return environment.getProperty(ON_EMBEDDED, Boolean.class, false)
                && isEmbeddedH2(environment.getProperty(DATASOURCE_URL, ""));
    }

    /** An H2 database in this JVM (a file or memory), not an H2 server reached over the network. */
    static boolean isEmbeddedH2(String jdbcUrl) {
        String url = jdbcUrl.strip().toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }
}
