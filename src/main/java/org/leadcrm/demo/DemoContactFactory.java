package org.leadcrm.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;

/**
 * Makes realistic demo contacts with datafaker. Everything random comes from the one
 * {@link Random} given, so a fixed seed gives the same contacts on every start. Contacts work
 * for a pool of companies (about six each, as in B2B), live in their company's country, and
 * have names of that country.
 */
final class DemoContactFactory {

    private static final Duration HISTORY = Duration.ofDays(730);
    private static final int CONTACTS_PER_COMPANY = 6;

    private record Company(String name, String domain, Market market, String city) {
    }

    private final Random random;
    private final DemoTeam team;
    private final Instant now;
    private final Map<Locale, Faker> fakers = new HashMap<>();
    private final List<Company> companies = new ArrayList<>();
    private final Set<String> emailKeys = new HashSet<>();

    DemoContactFactory(Random random, DemoTeam team, Instant now) {
        this.random = random;
        this.team = team;
        this.now = now;
    }

    List<DemoContact> make(int count) {
        for (int i = 0; i < Math.max(1, count / CONTACTS_PER_COMPANY); i++) {
            companies.add(company());
        }
        List<DemoContact> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            contacts.add(contact());
        }
        return contacts;
    }

    private Company company() {
        Market market = Markets.at(random.nextInt(100));
        String name = faker(market).company().name();
        return new Company(name, Vocabulary.domain(name, market.tld()), market, pick(market.cities()));
    }

    private DemoContact contact() {
        Company company = companies.get(random.nextInt(companies.size()));
        Market market = company.market();
        Faker faker = faker(market);
        String first = faker.name().firstName();
        String last = faker.name().lastName();
        ContactStatus status = status();
        Instant created = now.minusSeconds((long) (random.nextDouble() * HISTORY.toSeconds()));
        Instant updated = created.plusSeconds((long) (random.nextDouble() * Duration.between(created, now).toSeconds()));
        boolean synced = random.nextInt(100) < 5;
        CrmSystem crm = !synced ? CrmSystem.NONE : random.nextInt(100) < 65 ? CrmSystem.SALESFORCE : CrmSystem.SUGARCRM;
        return new DemoContact(first, last, email(first, last, company.domain()),
                random.nextInt(10) == 0 ? null : faker.phoneNumber().phoneNumber(),
                company.name(), pick(Vocabulary.JOB_TITLES),
                // most work at the head office, some in a branch
                random.nextInt(10) < 8 ? company.city() : pick(market.cities()),
                market.country(), status, score(status), owner(), crm, externalId(crm), created, updated);
    }

    private ContactStatus status() {
        int percent = random.nextInt(100);
        if (percent < 55) {
            return ContactStatus.LEAD;
        } else if (percent < 72) {
            return ContactStatus.CONTACTED;
        } else if (percent < 84) {
            return ContactStatus.QUALIFIED;
        } else if (percent < 93) {
            return ContactStatus.CUSTOMER;
        }
        return ContactStatus.UNQUALIFIED;
    }

    /** Scores rise along the funnel, so that lists like "Qualified, score 80+" have members. */
    private int score(ContactStatus status) {
        return switch (status) {
            case LEAD -> random.nextInt(91);
            case CONTACTED -> 10 + random.nextInt(76);
            case QUALIFIED -> 40 + random.nextInt(61);
            case CUSTOMER -> 50 + random.nextInt(51);
            case UNQUALIFIED -> random.nextInt(36);
        };
    }

    /** The sales roles own the contacts; about one in ten is the junior's. */
    private long owner() {
        int percent = random.nextInt(100);
        if (percent < 10) {
            return team.junior().id();
        }
        return percent < 40 ? team.salesManager().id() : team.sales().id();
    }

    private String externalId(CrmSystem crm) {
        return switch (crm) {
            case NONE -> null;
            case SALESFORCE -> ExternalIds.salesforce(random.nextLong());
            case SUGARCRM -> ExternalIds.sugarCrm(random.nextLong(), random.nextLong());
        };
    }

    private String email(String first, String last, String domain) {
        String firstSlug = Vocabulary.slug(first).isEmpty() ? "info" : Vocabulary.slug(first);
        String lastSlug = Vocabulary.slug(last).isEmpty() ? "contact" : Vocabulary.slug(last);
        int style = random.nextInt(100);
        String local = style < 70 ? firstSlug + "." + lastSlug
                : style < 85 ? firstSlug.charAt(0) + lastSlug
                : style < 95 ? firstSlug
                : firstSlug + "_" + lastSlug;
        String candidate = local + "@" + domain;
        for (int n = 2; !emailKeys.add(candidate); n++) {
            candidate = local + n + "@" + domain;
        }
        return candidate;
    }

    private Faker faker(Market market) {
        return fakers.computeIfAbsent(market.locale(), locale -> new Faker(locale, random));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
