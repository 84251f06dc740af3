package org.leadcrm.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link LargeDatasetGenerator} at start when asked to, e.g.
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--leadcrm.generate-contacts=1000000}.
 * After the demo seeding, whose users then own the new contacts.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "leadcrm.generate-contacts")
class LargeDatasetRunner implements ApplicationRunner {

    private final LargeDatasetGenerator generator;
    private final int contacts;

    LargeDatasetRunner(LargeDatasetGenerator generator, @Value("${leadcrm.generate-contacts}") int contacts) {
        this.generator = generator;
        this.contacts = contacts;
    }

    @Override
    public void run(ApplicationArguments args) {
        generator.generate(contacts);
    }
}
