package org.leadcrm.security;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsernameKey(String usernameKey);

    List<AppUser> findAllByOrderByDisplayName();

    /**
     * The active Administrators, locked until the transaction ends (always in the order of their
     * ids, so two transactions never wait for each other): of two Administrators deactivating or
     * demoting each other at once, the second sees the first's change and is refused if it would
     * leave nobody.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.role = org.leadcrm.security.Role.ADMIN and u.active = true order by u.id")
    List<AppUser> lockActiveAdministrators();

    /** Counted after {@link #lockActiveAdministrators()}: a fresh read, whatever the lock query returned. */
    @Query("select count(u) from AppUser u where u.role = org.leadcrm.security.Role.ADMIN and u.active = true and u.id <> :id")
    long countOtherActiveAdministrators(Long id);
}
