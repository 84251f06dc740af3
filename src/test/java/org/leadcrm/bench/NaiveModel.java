package org.leadcrm.bench;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * LeadCRM's tables as a typical Spring Data JPA application maps them: every column of a contact,
 * its list memberships and exclusions as entities it owns ({@code cascade = REMOVE}), opportunities
 * with their leads as a many-to-many. The mapping is in {@code naive-orm.xml}, not in annotations,
 * only so that the application's own entity scan (which covers every package under
 * {@code org.leadcrm}, test classes included) does not pick these classes up; it is what the
 * annotations would say.
 */
final class NaiveModel {

    private NaiveModel() {
    }

    static class Contact {
        Long id;
        String firstName;
        String lastName;
        String email;
        String emailKey;
        String phone;
        String company;
        String title;
        String city;
        String country;
        String status;
        int leadScore;
        Long ownerId;
        String crmSystem;
        String externalId;
        Instant createdAt;
        Instant updatedAt;
        long version;
        Set<Membership> memberships = new HashSet<>();
        Set<Exclusion> exclusions = new HashSet<>();
        Set<Opportunity> opportunities = new HashSet<>();

        protected Contact() {
        }
    }

    static class ContactList {
        Long id;
        String name;
        long memberVersion;
        long version;

        protected ContactList() {
        }
    }

    /** The key of a membership or an exclusion. */
    static class ListContact implements Serializable {
        Long listId;
        Long contactId;

        protected ListContact() {
        }

        ListContact(Long listId, Long contactId) {
            this.listId = listId;
            this.contactId = contactId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ListContact key && Objects.equals(listId, key.listId)
                    && Objects.equals(contactId, key.contactId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listId, contactId);
        }
    }

    static class Membership {
        ListContact id;
        Contact contact;
        ContactList list;
        String source;
        Instant addedAt;

        protected Membership() {
        }

        Membership(long listId, long contactId, Instant addedAt) {
            this.id = new ListContact(listId, contactId);
            this.source = "MANUAL";
            this.addedAt = addedAt;
        }
    }

    static class Exclusion {
        ListContact id;
        Contact contact;
        ContactList list;
        Instant createdAt;

        protected Exclusion() {
        }
    }

    static class Opportunity {
        Long id;
        String name;
        BigDecimal amount;
        String stage;
        LocalDate closeDate;
        Long ownerId;
        long version;
        Set<Contact> leads = new HashSet<>();

        protected Opportunity() {
        }
    }
}
