package org.leadcrm.list;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ContactListRepository extends JpaRepository<ContactList, Long> {

    boolean existsByNameKey(String nameKey);

    boolean existsByNameKeyAndIdNot(String nameKey, Long id);

    /** Locks the list's row: every change to its members takes this lock first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from ContactList l where l.id = :id")
    Optional<ContactList> lockById(Long id);
}
