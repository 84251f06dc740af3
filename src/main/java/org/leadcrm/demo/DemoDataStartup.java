package org.leadcrm.demo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo data and generates the contacts asked for with
 * {@code --leadcrm.generate-contacts=N} while the application starts, before its web server
 * opens its port: nobody can sign in before the demo users exist, or see a half-generated
 * database whose indexes the generator has dropped for the load. (As {@code ApplicationRunner}s
 * they ran after the server had started, and {@code /login} answered for seconds while the users
 * were still missing.)
 *
 * <p>Spring starts lifecycle beans by phase; the web server opens its connector in the phase
 * before {@link WebServerGracefulShutdownLifecycle#SMART_LIFECYCLE_PHASE}, so an earlier phase is
 * enough. A failure stops the start, as it did before.
 */
@Component
class DemoDataStartup implements SmartLifecycle {

    /** Well before the phase in which the web server starts taking requests. */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;

    private final ObjectProvider<DemoDataSeeder> seeder;
    private final LargeDatasetGenerator generator;
    private final int generateContacts;
    private volatile boolean running;

    DemoDataStartup(ObjectProvider<DemoDataSeeder> seeder, LargeDatasetGenerator generator,
            @Value("${leadcrm.generate-contacts:0}") int generateContacts) {
        this.seeder = seeder;
        this.generator = generator;
        this.generateContacts = generateContacts;
    }

    @Override
    public void start() {
        // The seeding first: its users then own the generated contacts.
        seeder.ifAvailable(DemoDataSeeder::seed);
        if (generateContacts > 0) {
            generator.generate(generateContacts);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
