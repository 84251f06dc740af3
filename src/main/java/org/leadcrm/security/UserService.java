package org.leadcrm.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users as the rest of the application sees them. */
@Service
public class UserService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, SignInThrottle throttle,
            ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.events = events;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.SIGNED_IN)
    public List<UserSummary> listUsers() {
        return users.findAllByOrderByDisplayName().stream().map(UserService::toSummary).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.SIGNED_IN)
    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsername(username).map(UserService::toSummary);
    }

    /** Whether anyone can sign in yet; start-up code asks it through {@link SystemAuthentication}. */
    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.SIGNED_IN)
    public boolean hasUsers() {
        return users.count() > 0;
    }

    /**
     * Creates a user. For Administrators; start-up code (the demo seeding, the first
     * administrator) calls it through {@link SystemAuthentication}.
     */
    @Transactional
    @PreAuthorize(Role.Can.ADMINISTER)
    public UserSummary createUser(String username, String displayName, String rawPassword, Role role) {
        AppUser user = users.save(new AppUser(username, displayName, passwordEncoder.encode(rawPassword), role));
        return toSummary(user);
    }

    @Transactional
    @PreAuthorize(Role.Can.ADMINISTER)
    public void setActive(String username, boolean active) {
        users.findByUsername(username).ifPresent(user -> user.setActive(active));
    }

    /**
     * Lets the account sign in again from every address it was locked for, and forgets its failed
     * sign-ins; audited if it was locked. Whether it was locked anywhere.
     */
    @Transactional
    @PreAuthorize(Role.Can.ADMINISTER)
    public boolean unlock(String username) {
        boolean wasLocked = throttle.unlock(username);
        if (wasLocked) {
            events.publishEvent(new AccountUnlocked(username));
        }
        return wasLocked;
    }

    /**
     * The accounts locked now after failed sign-ins, each with when its last lock ends (locks are
     * per client address; an account may be locked for several).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.ADMINISTER)
    public Map<String, Instant> lockedUntil() {
        return throttle.lockedUntil();
    }

    static UserSummary toSummary(AppUser user) {
        return new UserSummary(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole());
    }
}
