package org.leadcrm.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;

/**
 * A random world of contacts that differ in what the Contact Manager filters on (name, e-mail,
 * company, status, owner, lead score, lists), some synced, on lists as members or exclusions, with
 * opportunities of one or more leads; and random filters over it, with an independent answer to
 * "does contact {@code i} match?" to check the SQL against. Contacts, owners and lists are by index.
 *
 * @param cells         {@code cells.get(l).get(i)}: contact {@code i} is a member of list {@code l},
 *                      excluded from it, or neither
 * @param opportunities each opportunity as the set of its leads' indexes
 */
public record RandomContacts(List<Person> people, List<List<Cell>> cells, List<Set<Integer>> opportunities) {

    public enum Cell { NONE, MEMBER, EXCLUDED }

    /** The number of users who own contacts. */
    public static final int OWNERS = 2;

    /** @param owner the index of the owning user, or -1 for none */
    public record Person(String firstName, String lastName, String company, ContactStatus status, int owner, int score,
            boolean synced) {

        /** The e-mail {@link #create} gives the contact of index {@code i}. */
        String email(int i) {
            return (firstName + "." + lastName + "." + i + "@example.com").toLowerCase(Locale.ROOT);
        }
    }

    /** The ids of what {@link #create} made. */
    public record Ids(List<Long> contacts, List<Long> owners, List<Long> lists) {
    }

    /** Makes the world in the database, through {@code data} (owners straight into the user table: no password work). */
    public Ids create(TestData data) {
        List<Long> owners = new ArrayList<>();
        for (int o = 0; o < OWNERS; o++) {
            data.jdbc().update("insert into app_user (username, username_key, display_name, password_hash, role) values (?, lower(?), ?, 'x', 'SALESPERSON')",
                    "owner" + o, "owner" + o, "Owner " + o);
            owners.add(data.jdbc().queryForObject("select id from app_user where username = ?", Long.class, "owner" + o));
        }
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            TestData.NewContact contact = data.contact().name(person.firstName(), person.lastName()).email(person.email(i))
                    .status(person.status()).score(person.score())
                    .synced(person.synced() ? CrmSystem.SALESFORCE : CrmSystem.NONE);
            if (person.company() != null) {
                contact.company(person.company());
            }
            if (person.owner() >= 0) {
                contact.owner(owners.get(person.owner()));
            }
            contacts.add(contact.create());
        }
        List<Long> lists = listsAndOpportunities(data, contacts, cells, opportunities);
        return new Ids(contacts, owners, lists);
    }

    /**
     * Makes list {@code l} for each row of {@code cells}, with contact {@code i} as its member,
     * excluded or neither, and the opportunities, each with its leads by index.
     *
     * @return the lists' ids
     */
    public static List<Long> listsAndOpportunities(TestData data, List<Long> contacts, List<List<Cell>> cells,
            List<Set<Integer>> opportunities) {
        List<Long> lists = new ArrayList<>();
        for (int l = 0; l < cells.size(); l++) {
            long list = data.manualList("List " + l);
            lists.add(list);
            List<Long> members = new ArrayList<>();
            List<Long> excluded = new ArrayList<>();
            for (int i = 0; i < contacts.size(); i++) {
                switch (cells.get(l).get(i)) {
                    case MEMBER -> members.add(contacts.get(i));
                    case EXCLUDED -> excluded.add(contacts.get(i));
                    case NONE -> { }
                }
            }
            data.addMembers(list, members);
            data.exclude(list, excluded);
        }
        int n = 0;
        for (Set<Integer> leads : opportunities) {
            data.opportunity("Deal " + n++, leads.stream().map(contacts::get).toArray(Long[]::new));
        }
        return lists;
    }

    public static Arbitrary<RandomContacts> arbitrary() {
        Arbitrary<Person> person = Combinators.combine(
                        Arbitraries.of("Ada", "Alan", "Grace", "Al"),
                        Arbitraries.of("Lovelace", "Turing", "Hopper", "Tull", "O'Neil"),
                        Arbitraries.of("Acme", "ACME", "Globex", "Tulip Ltd").injectNull(0.25),
                        Arbitraries.of(ContactStatus.class),
                        Arbitraries.integers().between(-1, OWNERS - 1),
                        Arbitraries.of(0, 30, 60, 100),
                        Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)))
                .as(Person::new);
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 3))
                .flatAs((contacts, lists) -> {
                    Arbitrary<List<Person>> people = person.list().ofSize(contacts);
                    Arbitrary<List<List<Cell>>> cells = Arbitraries
                            .frequency(Tuple.of(5, Cell.NONE), Tuple.of(4, Cell.MEMBER), Tuple.of(1, Cell.EXCLUDED))
                            .list().ofSize(contacts)
                            .list().ofSize(lists);
                    Arbitrary<List<Set<Integer>>> opportunities = Arbitraries.integers().between(0, contacts - 1)
                            .set().ofMinSize(1).ofMaxSize(Math.min(3, contacts))
                            .list().ofMaxSize(5);
                    return Combinators.combine(people, cells, opportunities).as(RandomContacts::new);
                });
    }

    /** The indexes of the contacts that {@code filter} matches. */
    public Set<Integer> matching(Filter filter) {
        Set<Integer> matching = new java.util.HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            if (filter.matches(this, i)) {
                matching.add(i);
            }
        }
        return matching;
    }

    /**
     * A Contact Manager filter by index; every part optional.
     *
     * @param owner an owner's index
     * @param list  a list's index
     */
    public record Filter(String search, ContactStatus status, Integer owner, Integer list, String company, Integer minScore,
            Integer maxScore) {

        public ContactFilter toContactFilter(Ids ids) {
            return new ContactFilter(search, status, owner == null ? null : ids.owners().get(owner),
                    list == null ? null : ids.lists().get(list), company, null, null, minScore, maxScore, null, null);
        }

        /** The filter's meaning as PRODUCT.md and the search field put it, written without SQL. */
        boolean matches(RandomContacts world, int i) {
            Person person = world.people().get(i);
            String prefix = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
            if (!prefix.isEmpty() && !(lower(person.firstName()).startsWith(prefix) || lower(person.lastName()).startsWith(prefix)
                    || person.email(i).startsWith(prefix)
                    || person.company() != null && lower(person.company()).startsWith(prefix))) {
                return false;
            }
            if (status != null && person.status() != status) {
                return false;
            }
            if (owner != null && person.owner() != owner) {
                return false;
            }
            if (list != null && world.cells().get(list).get(i) != Cell.MEMBER) {
                return false;
            }
            if (company != null && !company.isBlank()
                    && (person.company() == null || !lower(person.company()).equals(lower(company.strip())))) {
                return false;
            }
            if (minScore != null && person.score() < minScore) {
                return false;
            }
            return maxScore == null || person.score() <= maxScore;
        }

        private static String lower(String value) {
            return value.toLowerCase(Locale.ROOT);
        }

        /** Filters over a world of {@code lists} lists; most set one or two parts, some none. */
        public static Arbitrary<Filter> arbitrary(int lists) {
            return Combinators.combine(
                            Arbitraries.of("ada", "Al", "LOV", "tu", "acm", "g", "o'n", "ada.lov", "%", "_", " tur ", "zz")
                                    .injectNull(0.6),
                            Arbitraries.of(ContactStatus.class).injectNull(0.6),
                            Arbitraries.integers().between(0, OWNERS - 1).injectNull(0.7),
                            Arbitraries.integers().between(0, lists - 1).injectNull(0.7),
                            Arbitraries.of("acme", "Globex", " Tulip Ltd ", "Initech").injectNull(0.8),
                            Arbitraries.of(30, 60).injectNull(0.8),
                            Arbitraries.of(30, 60).injectNull(0.8))
                    .as(Filter::new);
        }
    }
}
