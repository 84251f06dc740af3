package org.leadcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.leadcrm.LeadCrmApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Nobody can sign in before the demo users exist: the demo data and the contacts asked for with
 * {@code leadcrm.generate-contacts} are in the database when the web server starts taking
 * requests. Starts the application with its web server (on a free port), on a fresh database of
 * the build's kind, and looks at the database at the moment the server has opened its port.
 */
class DemoDataStartupTest {

    private static final int DEMO_CONTACTS = 40;
    private static final int GENERATED = 300;

    @Test
    void demo_users_and_generated_contacts_exist_when_the_web_server_starts_taking_requests() {
        AtomicReference<Map<String, Object>> whenServing = new AtomicReference<>();
        ApplicationListener<ServletWebServerInitializedEvent> serverStarted = event -> whenServing.set(
                event.getApplicationContext().getBean(JdbcTemplate.class).queryForMap("""
                        select (select count(*) from app_user) as users,
                            (select count(*) from app_user where username = 'admin') as admins,
                            (select count(*) from contact) as contacts
                        """));
        // A second application in this JVM installs Vaadin's security context strategy for itself;
        // the tests' shared application needs its own back afterwards.
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadCrmApplication.class)
                .initializers(new Settings(Map.of(
                        "server.port", "0",
                        "leadcrm.demo-data.enabled", "true",
                        "leadcrm.demo-data.contacts", String.valueOf(DEMO_CONTACTS),
                        "leadcrm.generate-contacts", String.valueOf(GENERATED),
                        "spring.main.banner-mode", "off")))
                .listeners(serverStarted)
                .run()) {
            assertThat(whenServing.get()).as("the database when the web server started").isNotNull();
            assertThat(((Number) whenServing.get().get("users")).intValue()).isEqualTo(DemoTeam.SIZE);
            assertThat(((Number) whenServing.get().get("admins")).intValue()).isEqualTo(1);
            assertThat(((Number) whenServing.get().get("contacts")).intValue()).isEqualTo(DEMO_CONTACTS + GENERATED);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
    }

    /** After the test support's initializer, which switches demo data off for every other test. */
    private record Settings(Map<String, Object> properties)
            implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("demoDataStartupTest", properties));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
