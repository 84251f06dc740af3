package org.leadcrm.demo;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.leadcrm.security.SystemAuthentication;
import org.leadcrm.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with demo data on start: a user of every role (password
 * {@value DemoTeam#PASSWORD}), {@code leadcrm.demo-data.contacts} contacts, lists and
 * opportunities. A database with any user is left alone, so the seeding happens once.
 *
 * <p>Only where {@link DemoDataCondition} allows it: the embedded database of
 * {@code ./mvnw spring-boot:run}, or when asked for with {@code leadcrm.demo-data.enabled=true}.
 * One transaction: a failed start leaves the database empty, to be seeded at the next. The
 * password is never logged: it is in the README. {@link DemoDataStartup} runs it before the web
 * server takes requests.
 */
@Component
@Conditional(DemoDataCondition.class)
class DemoDataSeeder {

    /** Fixed, so that every fresh demo database has the same people in it. */
    static final long SEED = 20_260_101L;

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final UserService users;
    private final DemoContacts contacts;
    private final DemoLists lists;
    private final DemoOpportunities opportunities;
    private final Clock clock;
    private final int contactCount;

    DemoDataSeeder(UserService users, DemoContacts contacts, DemoLists lists, DemoOpportunities opportunities,
            Clock clock, @Value("${leadcrm.demo-data.contacts:5000}") int contactCount) {
        this.users = users;
        this.contacts = contacts;
        this.lists = lists;
        this.opportunities = opportunities;
        this.clock = clock;
        this.contactCount = contactCount;
    }

    @Transactional
    public void seed() {
        if (SystemAuthentication.callAsSystem(users::hasUsers)) {
            return;
        }
        long start = System.nanoTime();
        Random random = new Random(SEED);
        // Nobody is signed in at start-up, and creating users is for Administrators.
        DemoTeam team = SystemAuthentication.callAsSystem(() -> DemoTeam.create(users));
        List<DemoContact> made = new DemoContactFactory(random, team, clock.instant()).make(contactCount);
        contacts.insert(made);
        List<SeededContact> stored = contacts.readBack();
        SeededLists seededLists = lists.create(team);
        SeededOpportunities seededOpportunities = opportunities.create(stored, random);
        log.info("Demo data: {} users (see the README), {} contacts ({} synced), {} lists ({} members, {} exclusions), "
                + "{} opportunities ({} contact links) in {} ms",
                DemoTeam.SIZE, stored.size(),
                made.stream().filter(c -> c.crmSystem().isSynced()).count(),
                seededLists.lists(), seededLists.members(), seededLists.exclusions(),
                seededOpportunities.opportunities(), seededOpportunities.links(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
