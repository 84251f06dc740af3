package org.leadcrm.contact;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<Contact, Long> {

    boolean existsByEmailKey(String emailKey);
}
