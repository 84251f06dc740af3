package org.leadcrm.list;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.leadcrm.contact.CrmSystem;
import org.leadcrm.testsupport.RandomContacts;
import org.leadcrm.testsupport.RandomContacts.Cell;
import org.leadcrm.testsupport.TestData;

/**
 * A world by indexes: contact {@code i} is synced if {@code synced.get(i)}; {@code cells.get(l).get(i)}
 * says whether contact {@code i} is a member of list {@code l}, excluded from it, or neither;
 * each opportunity is the set of its leads' indexes; {@code target} is the list acted on.
 */
record RandomWorld(List<Boolean> synced, List<List<Cell>> cells, List<Set<Integer>> opportunities, int target) {

    /** Makes the world in the database through {@code data}. */
    Ids create(TestData data) {
        List<Long> contacts = new ArrayList<>();
        Set<Long> syncedIds = new HashSet<>();
        for (boolean isSynced : synced) {
            long id = data.contact().synced(isSynced ? CrmSystem.SALESFORCE : CrmSystem.NONE).create();
            contacts.add(id);
            if (isSynced) {
                syncedIds.add(id);
            }
        }
        List<Long> lists = RandomContacts.listsAndOpportunities(data, contacts, cells, opportunities);
        return new Ids(lists.get(target), syncedIds, lists, contacts);
    }

    /** The ids of what {@link #create} made: the list acted on, the synced contacts, every list and contact. */
    record Ids(long target, Set<Long> synced, List<Long> lists, List<Long> contacts) {
    }

    static Arbitrary<RandomWorld> arbitrary() {
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 4))
                .flatAs((contacts, lists) -> {
                    Arbitrary<List<Boolean>> synced = Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true))
                            .list().ofSize(contacts);
                    Arbitrary<List<List<Cell>>> cells = Arbitraries
                            .frequency(Tuple.of(5, Cell.NONE), Tuple.of(4, Cell.MEMBER), Tuple.of(1, Cell.EXCLUDED))
                            .list().ofSize(contacts)
                            .list().ofSize(lists);
                    Arbitrary<List<Set<Integer>>> opportunities = Arbitraries.integers().between(0, contacts - 1)
                            .set().ofMinSize(1).ofMaxSize(Math.min(3, contacts))
                            .list().ofMaxSize(5);
                    Arbitrary<Integer> target = Arbitraries.integers().between(0, lists - 1);
                    return Combinators.combine(synced, cells, opportunities, target).as(RandomWorld::new);
                });
    }
}
