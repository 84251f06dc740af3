package org.leadcrm.demo;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import org.leadcrm.contact.ContactStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores the demo contacts with JDBC batches: the JPA entity would cost seconds for thousands of rows. */
@Component
class DemoContacts {

    private static final int BATCH_SIZE = 1000;

    private final JdbcTemplate jdbc;

    DemoContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(List<DemoContact> contacts) {
        jdbc.batchUpdate("""
                insert into contact (first_name, last_name, email, email_key, phone, company, title, city, country,
                    status, lead_score, owner_id, crm_system, external_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, contacts, BATCH_SIZE, (ps, contact) -> {
                    ps.setString(1, contact.firstName());
                    ps.setString(2, contact.lastName());
                    ps.setString(3, contact.email());
                    ps.setString(4, contact.email().toLowerCase(Locale.ROOT));
                    ps.setObject(5, contact.phone(), Types.VARCHAR);
                    ps.setString(6, contact.company());
                    ps.setString(7, contact.title());
                    ps.setString(8, contact.city());
                    ps.setString(9, contact.country());
                    ps.setString(10, contact.status().name());
                    ps.setInt(11, contact.leadScore());
                    ps.setLong(12, contact.ownerId());
                    ps.setString(13, contact.crmSystem().name());
                    ps.setObject(14, contact.externalId(), Types.VARCHAR);
                    ps.setTimestamp(15, Timestamp.from(contact.createdAt()));
                    ps.setTimestamp(16, Timestamp.from(contact.updatedAt()));
                });
    }

    /** The stored contacts, in id order. Only for the few thousand of a fresh demo database. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<SeededContact> readBack() {
        return jdbc.query("select id, company, owner_id, status from contact order by id",
                (rs, n) -> new SeededContact(rs.getLong("id"), rs.getString("company"), rs.getLong("owner_id"),
                        ContactStatus.valueOf(rs.getString("status"))));
    }
}
