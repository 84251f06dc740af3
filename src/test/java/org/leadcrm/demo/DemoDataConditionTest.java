package org.leadcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Demo users, with their known password, only where PRODUCT.md's "Runs" allows them. */
class DemoDataConditionTest {

    private static final String EMBEDDED = "jdbc:h2:file:./data/leadcrm;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    private static final String POSTGRES = "jdbc:postgresql://db.internal:5432/leadcrm";

    @Test
    void spring_boot_run_on_the_embedded_database_gets_demo_data() {
        assertThat(DemoDataCondition.wanted(mavenRun().withProperty("spring.datasource.url", EMBEDDED))).isTrue();
        assertThat(DemoDataCondition.wanted(mavenRun().withProperty("spring.datasource.url", "jdbc:h2:mem:demo"))).isTrue();
    }

    @Test
    void the_production_jar_with_no_settings_gets_none() {
        assertThat(DemoDataCondition.wanted(new MockEnvironment().withProperty("spring.datasource.url", EMBEDDED))).isFalse();
    }

    @Test
    void a_postgresql_database_gets_none_by_default_even_from_spring_boot_run() {
        assertThat(DemoDataCondition.wanted(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES))).isFalse();
        assertThat(DemoDataCondition.wanted(mavenRun().withProperty("spring.datasource.url", POSTGRES))).isFalse();
        // what the postgres profile says
        assertThat(DemoDataCondition.wanted(mavenRun().withProperty("spring.datasource.url", POSTGRES)
                .withProperty(DemoDataCondition.ENABLED, "false"))).isFalse();
    }

    @Test
    void an_h2_server_over_the_network_is_not_the_embedded_database() {
        assertThat(DemoDataCondition.wanted(mavenRun().withProperty("spring.datasource.url", "jdbc:h2:tcp://db.internal/leadcrm")))
                .isFalse();
        assertThat(DemoDataCondition.wanted(mavenRun().withProperty("spring.datasource.url", "jdbc:h2:ssl://db.internal/leadcrm")))
                .isFalse();
    }

    @Test
    void asking_explicitly_decides_either_way() {
        assertThat(DemoDataCondition.wanted(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
                .withProperty(DemoDataCondition.ENABLED, "true"))).isTrue();
        assertThat(DemoDataCondition.wanted(mavenRun().withProperty("spring.datasource.url", EMBEDDED)
                .withProperty(DemoDataCondition.ENABLED, "false"))).isFalse();
    }

    /** What the spring-boot-maven-plugin adds to {@code ./mvnw spring-boot:run}. */
    private static MockEnvironment mavenRun() {
        return new MockEnvironment().withProperty(DemoDataCondition.ON_EMBEDDED, "true");
    }
}
