package org.leadcrm.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Names, companies and places made once with datafaker, for the generator to combine by index:
 * calling datafaker for each of a million contacts would take minutes, looking up an array
 * takes nothing. 500 first names times 500 last names times 300 companies is variety enough
 * for a scale test.
 */
final class ContactPools {

    static final int FIRST_NAMES = 500;
    static final int LAST_NAMES = 500;
    static final int COMPANIES = 300;

    record Name(String text, String slug) {
    }

    record Company(String name, String domain, Market market) {
    }

    final List<Name> firstNames;
    final List<Name> lastNames;
    final List<Company> companies;

    private ContactPools(List<Name> firstNames, List<Name> lastNames, List<Company> companies) {
        this.firstNames = firstNames;
        this.lastNames = lastNames;
        this.companies = companies;
    }

    static ContactPools build(long seed) {
        Random random = new Random(seed);
        Map<Locale, Faker> fakers = new HashMap<>();
        List<Name> firstNames = distinct(FIRST_NAMES, () -> faker(fakers, random).name().firstName());
        List<Name> lastNames = distinct(LAST_NAMES, () -> faker(fakers, random).name().lastName());
        List<Company> companies = new ArrayList<>(COMPANIES);
        for (int i = 0; i < COMPANIES; i++) {
            // a company's market is drawn by weight, so the countries keep their shares
            Market market = Markets.at(random.nextInt(100));
            String name = fakers.computeIfAbsent(market.locale(), locale -> new Faker(locale, random)).company().name();
            companies.add(new Company(name, Vocabulary.domain(name, market.tld()), market));
        }
        return new ContactPools(firstNames, lastNames, companies);
    }

    private static Faker faker(Map<Locale, Faker> fakers, Random random) {
        Market market = Markets.at(random.nextInt(100));
        return fakers.computeIfAbsent(market.locale(), locale -> new Faker(locale, random));
    }

    /** Up to {@code size} different values with a non-empty slug; datafaker repeats itself. */
    private static List<Name> distinct(int size, Supplier<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        List<Name> names = new ArrayList<>(size);
        for (int attempt = 0; names.size() < size && attempt < size * 20; attempt++) {
            String value = values.get();
            String slug = Vocabulary.slug(value);
            if (!slug.isEmpty() && seen.add(value)) {
                names.add(new Name(value, slug));
            }
        }
        return List.copyOf(names);
    }
}
