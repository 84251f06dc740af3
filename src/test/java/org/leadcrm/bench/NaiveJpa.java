package org.leadcrm.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;
import org.leadcrm.bench.NaiveModel.Contact;
import org.leadcrm.bench.NaiveModel.ContactList;
import org.leadcrm.bench.NaiveModel.Exclusion;
import org.leadcrm.bench.NaiveModel.ListContact;
import org.leadcrm.bench.NaiveModel.Membership;
import org.leadcrm.bench.NaiveModel.Opportunity;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operations as a typical Spring Data JPA application writes them, on {@link NaiveModel}:
 * entities loaded through derived queries, {@code repository.deleteAll(entities)} with
 * {@code cascade = REMOVE} to memberships and exclusions, a lead taken out of each opportunity's
 * many-to-many and the opportunity deleted when it has none left, derived {@code deleteBy…} for
 * Remove All, {@code saveAll} for Bulk Edit. Hibernate is configured as the application configures
 * it (JDBC batches of 500, ordered inserts, Spring Boot's naming), in an entity manager factory of
 * its own on the application's connection pool.
 */
final class NaiveJpa implements AutoCloseable {

    /** Contacts by derived query, as the operations look them up. */
    public interface Contacts extends JpaRepository<Contact, Long> {
        List<Contact> findByMembershipsListIdAndCrmSystem(Long listId, String crmSystem);

        List<Contact> findByMembershipsListId(Long listId);

        List<Contact> findByStatusAndCrmSystem(String status, String crmSystem);

        List<Contact> findByStatus(String status);

        List<Contact> findByEmailKeyStartingWithAndCrmSystem(String prefix, String crmSystem);

        List<Contact> findByEmailKeyStartingWith(String prefix);

        List<Contact> findByCrmSystem(String crmSystem);

        long countByStatus(String status);

        long countByEmailKeyStartingWith(String prefix);

        long countByMembershipsListId(Long listId);
    }

    public interface Memberships extends JpaRepository<Membership, ListContact> {
        long countByListId(Long listId);

        long deleteByListId(Long listId);

        List<Membership> findByListId(Long listId);
    }

    public interface Exclusions extends JpaRepository<Exclusion, ListContact> {
        long deleteByListId(Long listId);

        List<Exclusion> findByListId(Long listId);
    }

    public interface Opportunities extends JpaRepository<Opportunity, Long> {
    }

    /**
     * Contacts chosen by a filter, as derived queries: how many match, the non-synced ones to
     * delete, and all of them for Bulk Edit.
     */
    record Selection(ToLongFunction<Contacts> count, Function<Contacts, List<Contact>> deletable,
            Function<Contacts, List<Contact>> all) {

        static Selection status(String status) {
            return new Selection(c -> c.countByStatus(status), c -> c.findByStatusAndCrmSystem(status, "NONE"),
                    c -> c.findByStatus(status));
        }

        static Selection emailStartingWith(String prefix) {
            return new Selection(c -> c.countByEmailKeyStartingWith(prefix),
                    c -> c.findByEmailKeyStartingWithAndCrmSystem(prefix, "NONE"),
                    c -> c.findByEmailKeyStartingWith(prefix));
        }

        static Selection members(long listId) {
            return new Selection(c -> c.countByMembershipsListId(listId),
                    c -> c.findByMembershipsListIdAndCrmSystem(listId, "NONE"), c -> c.findByMembershipsListId(listId));
        }

        static Selection everyone() {
            return new Selection(Contacts::count, c -> c.findByCrmSystem("NONE"), Contacts::findAll);
        }
    }

    private final LocalContainerEntityManagerFactoryBean factory;
    private final EntityManager em;
    private final TransactionTemplate tx;
    private final Contacts contacts;
    private final Memberships memberships;
    private final Exclusions exclusions;
    private final Opportunities opportunities;

    NaiveJpa(BenchApp app) {
        factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(app.dataSource());
        factory.setPersistenceUnitName("naive");
        // No annotated classes there: the entities come from the mapping file alone.
        factory.setPackagesToScan("org.leadcrm.bench.naive");
        factory.setMappingResources("org/leadcrm/bench/naive-orm.xml");
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.put("hibernate.jdbc.batch_size", "500");
        settings.put("hibernate.order_inserts", "true");
        settings.put("hibernate.physical_naming_strategy",
                "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
        settings.put("hibernate.implicit_naming_strategy",
                "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");
        factory.setJpaPropertyMap(settings);
        factory.afterPropertiesSet();
        EntityManagerFactory emf = factory.getObject();
        em = SharedEntityManagerCreator.createSharedEntityManager(emf);
        tx = new TransactionTemplate(new JpaTransactionManager(emf));
        JpaRepositoryFactory repositories = new JpaRepositoryFactory(em);
        contacts = repositories.getRepository(Contacts.class);
        memberships = repositories.getRepository(Memberships.class);
        exclusions = repositories.getRepository(Exclusions.class);
        opportunities = repositories.getRepository(Opportunities.class);
    }

    /** Permanently Delete All Contacts of a list. */
    long deleteAllContacts(long listId, long confirmedCount) {
        return inTransaction(() -> {
            em.find(ContactList.class, listId, LockModeType.PESSIMISTIC_WRITE);
            long members = memberships.countByListId(listId);
            if (members != confirmedCount) {
                throw new IllegalStateException("the list has " + members + " members, not " + confirmedCount);
            }
            List<Contact> doomed = contacts.findByMembershipsListIdAndCrmSystem(listId, "NONE");
            deleteWithWhatHangsOnThem(doomed);
            audit("DELETE_ALL_CONTACTS", listId, doomed.size());
            return doomed.size();
        });
    }

    /** Deleting every contact matching a filter from the Contact Manager. */
    long deleteMatching(Selection selection, long confirmedCount) {
        return inTransaction(() -> {
            long matching = selection.count().applyAsLong(contacts);
            if (matching != confirmedCount) {
                throw new IllegalStateException(matching + " contacts match, not " + confirmedCount);
            }
            List<Contact> doomed = selection.deletable().apply(contacts);
            deleteWithWhatHangsOnThem(doomed);
            audit("DELETE_SELECTED_CONTACTS", null, doomed.size());
            return doomed.size();
        });
    }

    private void deleteWithWhatHangsOnThem(List<Contact> doomed) {
        Set<ContactList> listsLosingMembers = new HashSet<>();
        for (Contact contact : doomed) {
            // The membership's list is a lazy proxy: its fields are the entity's only through unproxy.
            contact.memberships.forEach(membership -> listsLosingMembers.add((ContactList) Hibernate.unproxy(membership.list)));
            for (Opportunity opportunity : new ArrayList<>(contact.opportunities)) {
                opportunity.leads.remove(contact);
                if (opportunity.leads.isEmpty()) {
                    opportunities.delete(opportunity);
                }
            }
        }
        listsLosingMembers.forEach(list -> list.memberVersion++);
        contacts.deleteAll(doomed); // memberships and exclusions go by cascade
        em.flush();
    }

    /** Remove All Contacts: derived deletes of the list's memberships and exclusions. */
    long removeAllContacts(long listId) {
        return inTransaction(() -> {
            ContactList list = em.find(ContactList.class, listId, LockModeType.PESSIMISTIC_WRITE);
            list.memberVersion++;
            long removed = memberships.deleteByListId(listId);
            exclusions.deleteByListId(listId);
            em.flush();
            audit("REMOVE_ALL_CONTACTS", listId, removed);
            return removed;
        });
    }

    /**
     * Bulk Edit: the matching contacts, the list's members and exclusions loaded, and a membership
     * saved for each contact that is neither ({@code saveAll}; a membership has an assigned key,
     * so Spring Data merges each, which reads it first).
     */
    long addMatching(long listId, Selection selection) {
        return inTransaction(() -> {
            ContactList list = em.find(ContactList.class, listId, LockModeType.PESSIMISTIC_WRITE);
            list.memberVersion++;
            List<Contact> matching = selection.all().apply(contacts);
            Set<Long> members = memberships.findByListId(listId).stream().map(m -> m.id.contactId).collect(Collectors.toSet());
            Set<Long> excluded = exclusions.findByListId(listId).stream().map(e -> e.id.contactId).collect(Collectors.toSet());
            Instant now = Instant.now();
            List<Membership> added = matching.stream()
                    .filter(c -> !members.contains(c.id) && !excluded.contains(c.id))
                    .map(c -> new Membership(listId, c.id, now))
                    .toList();
            memberships.saveAll(added);
            em.flush();
            return added.size();
        });
    }

    private void audit(String operation, Long listId, long count) {
        em.createNativeQuery("""
                insert into audit_entry (occurred_at, username, operation, list_id, list_name, contacts_affected)
                values (current_timestamp, 'bench', ?1, cast(?2 as bigint), 'bench', ?3)
                """).setParameter(1, operation).setParameter(2, listId == null ? null : String.valueOf(listId))
                .setParameter(3, count).executeUpdate();
    }

    private long inTransaction(java.util.function.LongSupplier work) {
        Long result = tx.execute(status -> work.getAsLong());
        return result == null ? 0 : result;
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
