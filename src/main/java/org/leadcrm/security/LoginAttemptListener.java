package org.leadcrm.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after repeated failed sign-ins, so that a password cannot be
 * guessed by trying many. A successful sign-in resets the count.
 */
@Component
class LoginAttemptListener {

    private final AppUserRepository users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttemptListener(AppUserRepository users, Clock clock,
            @Value("${leadcrm.security.max-failed-logins}") int maxFailures,
            @Value("${leadcrm.security.lock-duration}") Duration lockDuration) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.findByUsername(event.getAuthentication().getName())
                .ifPresent(user -> user.recordFailedLogin(maxFailures, clock.instant(), lockDuration));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.findByUsername(event.getAuthentication().getName())
                .filter(user -> user.getFailedLogins() > 0 || user.getLockedUntil() != null)
                .ifPresent(AppUser::recordSuccessfulLogin);
    }
}
