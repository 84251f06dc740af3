package org.leadcrm.security;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leadcrm.security.UserChangeRefusedException.Field;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users as the rest of the application sees them, and as Administrators manage them. Every
 * change is audited (through {@link AccountChanged}) in its own transaction, and no password is
 * ever part of a message, an event or a log line.
 */
@Service
// Every method runs in a transaction (reads say readOnly); the private helpers run in their caller's.
@Transactional
public class UserService {

    private final AppUserRepository users;
    private final UserRows rows;
    private final PasswordEncoder passwordEncoder;
    private final PasswordRules passwordRules;
    private final Validator validator;
    private final SignInThrottle throttle;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    UserService(AppUserRepository users, UserRows rows, PasswordEncoder passwordEncoder, PasswordRules passwordRules,
            Validator validator, SignInThrottle throttle, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.users = users;
        this.rows = rows;
        this.passwordEncoder = passwordEncoder;
        this.passwordRules = passwordRules;
        this.validator = validator;
        this.throttle = throttle;
        this.currentUser = currentUser;
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

    /** A page of the Users page's rows. */
    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.ADMINISTER)
    public List<UserRow> findUsers(UserSort sort, boolean ascending, int offset, int limit) {
        return rows.find(sort, ascending, offset, limit);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.ADMINISTER)
    public long countUsers() {
        return rows.count();
    }

    /**
     * Creates a user with an initial password that {@link PasswordRules} accept. For
     * Administrators; the first administrator is created at start-up through
     * {@link SystemAuthentication}.
     *
     * @throws UserChangeRefusedException for an invalid or taken username, a missing name or
     *                                    role, or a password the rules refuse
     */
    @Transactional
    @PreAuthorize(Role.Can.ADMINISTER)
    public UserSummary createUser(String username, String displayName, String initialPassword, Role role) {
        NewUser user = new NewUser(username.strip(), displayName.strip(), role);
        checkValid(user);
        refuseWeak(initialPassword, user.username(), user.displayName());
        return create(user, initialPassword);
    }

    /**
     * A demo team's user, with the well-known demo password the README gives, which the password
     * rules would refuse. Only the application itself may call it, while it seeds demo data; no
     * Administrator can.
     */
    @Transactional
    @PreAuthorize(Role.Can.ONLY_THE_APPLICATION)
    public UserSummary createDemoUser(String username, String displayName, String password, Role role) {
        NewUser user = new NewUser(username, displayName, role);
        checkValid(user);
        return create(user, password);
    }

    private UserSummary create(NewUser user, String password) {
        if (users.existsByUsernameKey(AppUser.keyOf(user.username()))) {
            throw taken();
        }
        AppUser created;
        try {
            created = users.saveAndFlush(new AppUser(user.username(), user.displayName(), passwordEncoder.encode(password),
                    user.role()));
        } catch (DataIntegrityViolationException createdMeanwhile) {
            throw taken();
        }
        events.publishEvent(new AccountChanged(created.getUsername(), AccountChanged.Change.CREATED,
                created.getRole().displayName()));
        return toSummary(created);
    }

    /**
     * Gives the user another role, from their next sign-in: a session open now keeps the role it
     * signed in with.
     *
     * @throws UserChangeRefusedException if that would leave no active Administrator
     */
    @Transactional
    @PreAuthorize(Role.Can.ADMINISTER)
    public void changeRole(String username, Role role) {
        AppUser user = find(username);
        if (user.getRole() == role) {
            return;
        }
        if (user.getRole() == Role.ADMIN && user.isActive()) {
            refuseIfLastActiveAdministrator(user, "change their role");
        }
        String change = user.getRole().displayName() + " → " + role.displayName();
        user.setRole(role);
        events.publishEvent(new AccountChanged(user.getUsername(), AccountChanged.Change.ROLE_CHANGED, change));
    }

    /**
     * Deactivates a user (who can then no longer sign in, and whose open sessions end once this
     * commits) or reactivates one.
     *
     * @throws UserChangeRefusedException to deactivate yourself or the last active Administrator
     */
    @Transactional
    @PreAuthorize(Role.Can.ADMINISTER)
    public void setActive(String username, boolean active) {
        AppUser user = find(username);
        if (user.isActive() == active) {
            return;
        }
        if (!active) {
            if (user.getUsername().equals(currentUser.username())) {
                throw new UserChangeRefusedException(Field.ACCOUNT,
                        "You cannot deactivate yourself: another Administrator can.");
            }
            if (user.getRole() == Role.ADMIN) {
                refuseIfLastActiveAdministrator(user, "deactivate them");
            }
        }
        user.setActive(active);
        events.publishEvent(new AccountChanged(user.getUsername(),
                active ? AccountChanged.Change.REACTIVATED : AccountChanged.Change.DEACTIVATED, null));
    }

    /**
     * Gives a user a new password that {@link PasswordRules} accept, for when they have forgotten
     * theirs. Your own is changed with {@link #changeOwnPassword}, which asks for the current one.
     */
    @Transactional
    @PreAuthorize(Role.Can.ADMINISTER)
    public void resetPassword(String username, String newPassword) {
        AppUser user = find(username);
        if (user.getUsername().equals(currentUser.username())) {
            throw new UserChangeRefusedException(Field.ACCOUNT,
                    "To change your own password, use Change password in your user menu: it asks for the current one.");
        }
        refuseWeak(newPassword, user.getUsername(), user.getDisplayName());
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new AccountChanged(user.getUsername(), AccountChanged.Change.PASSWORD_RESET, null));
    }

    /**
     * Changes the signed-in user's own password. A wrong current password counts as a failed
     * sign-in from {@code clientAddress}, and a locked address may not try at all: this is a way
     * to test guesses of the password too (docs/decisions/009). Refusals commit, so that the count
     * stays.
     */
    @Transactional(noRollbackFor = UserChangeRefusedException.class)
    @PreAuthorize(Role.Can.SIGNED_IN)
    public void changeOwnPassword(String currentPassword, String newPassword, @Nullable String clientAddress) {
        String username = currentUser.username();
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UserChangeRefusedException(Field.ACCOUNT,
                "Only a user of LeadCRM has a password to change."));
        if (throttle.isLocked(username, clientAddress)) {
            throttle.recordWrongPassword(username, clientAddress);
            throw new UserChangeRefusedException(Field.CURRENT_PASSWORD, "Too many wrong passwords from here: try again "
                    + "later, or ask an Administrator to unlock your account.");
        }
        if (!passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throttle.recordWrongPassword(username, clientAddress);
            throw new UserChangeRefusedException(Field.CURRENT_PASSWORD, "That is not your current password.");
        }
        throttle.clear(username, clientAddress);
        if (newPassword.equals(currentPassword)) {
            throw new UserChangeRefusedException(Field.PASSWORD, "Choose a password other than your current one.");
        }
        refuseWeak(newPassword, user.getUsername(), user.getDisplayName());
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new AccountChanged(username, AccountChanged.Change.PASSWORD_CHANGED, null));
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

    private AppUser find(String username) {
        return users.findByUsername(username).orElseThrow(() -> new UserChangeRefusedException(Field.ACCOUNT,
                "There is no user " + username + "."));
    }

    /** Locks the active Administrators first, so that two such changes at once cannot both pass. */
    private void refuseIfLastActiveAdministrator(AppUser user, String action) {
        users.lockActiveAdministrators();
        if (users.countOtherActiveAdministrators(user.getId()) == 0) {
            throw new UserChangeRefusedException(Field.ACCOUNT, user.getDisplayName()
                    + " is the last active Administrator: make someone else an Administrator before you " + action + ".");
        }
    }

    private void checkValid(NewUser user) {
        validator.validate(user).stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw new UserChangeRefusedException(fieldOf(violation), violation.getMessage());
                });
        if (user.username().equalsIgnoreCase(SystemAuthentication.USERNAME)) {
            throw new UserChangeRefusedException(Field.USERNAME,
                    "\"" + SystemAuthentication.USERNAME + "\" is the application's own name in the audit log: choose another.");
        }
    }

    private static Field fieldOf(ConstraintViolation<NewUser> violation) {
        return switch (violation.getPropertyPath().toString()) {
            case "username" -> Field.USERNAME;
            case "displayName" -> Field.DISPLAY_NAME;
            default -> Field.ROLE;
        };
    }

    private void refuseWeak(String password, String username, String displayName) {
        passwordRules.problemWith(password, username, displayName).ifPresent(problem -> {
            throw new UserChangeRefusedException(Field.PASSWORD, problem);
        });
    }

    private static UserChangeRefusedException taken() {
        return new UserChangeRefusedException(Field.USERNAME,
                "That username is taken (usernames that differ only in letter case count as the same).");
    }
}
