package org.leadcrm.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Permanently Delete All Contacts as it is commonly written with Spring Data JPA: load the list's
 * (non-synced) members as {@code Contact} entities, then for each one delete its memberships,
 * exclusions and opportunity links and any opportunity left without a lead, one contact at a time,
 * and finally {@code contactRepository.deleteAll(contacts)}, which removes the entities one by one
 * (Hibernate sends the deletes in JDBC batches of 500 at commit, as application.properties sets).
 *
 * <p>This is the kind version of naive: the link statements go through plain JDBC, so Hibernate
 * does not flush (and dirty-check every loaded entity) before each of them, which would make it
 * quadratic. It uses the application's own entity and repository; both are package-private, so
 * they are reached by name.
 */
final class NaiveJpaDeletion {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EntityManager em;
    private final EntityManagerFactory emf;
    private final JpaRepository<Object, Long> contacts;
    private final Class<?> contactType;

    @SuppressWarnings("unchecked")
    NaiveJpaDeletion(BenchApp app) {
        this.jdbc = app.plainJdbc();
        this.tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        this.emf = app.bean(EntityManagerFactory.class);
        this.em = SharedEntityManagerCreator.createSharedEntityManager(emf);
        this.contacts = (JpaRepository<Object, Long>) app.bean("contactRepository");
        try {
            this.contactType = Class.forName("org.leadcrm.contact.Contact");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    long deleteAllContacts(long listId, long confirmedCount) {
        return tx.execute(status -> {
            jdbc.queryForList("select id from contact_list where id = ? for update", Long.class, listId);
            Long members = jdbc.queryForObject("select count(*) from list_member where list_id = ?", Long.class, listId);
            if (members == null || members != confirmedCount) {
                throw new IllegalStateException("the list has " + members + " members, not " + confirmedCount);
            }
            @SuppressWarnings("unchecked")
            List<Object> doomed = em.createNativeQuery("""
                    select c.* from contact c join list_member m on m.contact_id = c.id
                    where m.list_id = ?1 and c.crm_system = 'NONE'
                    """, contactType).setParameter(1, listId).getResultList();
            for (Object contact : doomed) {
                Object contactId = emf.getPersistenceUnitUtil().getIdentifier(contact);
                jdbc.update("delete from list_member where contact_id = ?", contactId);
                jdbc.update("delete from list_exclusion where contact_id = ?", contactId);
                List<Long> opportunities = jdbc.queryForList(
                        "select opportunity_id from opportunity_contact where contact_id = ?", Long.class, contactId);
                jdbc.update("delete from opportunity_contact where contact_id = ?", contactId);
                for (Long opportunity : opportunities) {
                    Long leads = jdbc.queryForObject("select count(*) from opportunity_contact where opportunity_id = ?",
                            Long.class, opportunity);
                    if (leads != null && leads == 0) {
                        jdbc.update("delete from opportunity where id = ?", opportunity);
                    }
                }
            }
            contacts.deleteAll(doomed);
            em.flush();
            jdbc.update("""
                    insert into audit_entry (occurred_at, username, operation, list_id, list_name, contacts_affected)
                    values (current_timestamp, 'bench', 'DELETE_ALL_CONTACTS', ?, 'bench', ?)
                    """, listId, doomed.size());
            return (long) doomed.size();
        });
    }
}
