package org.leadcrm.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password sign-in, refused while the {@link SignInThrottle} has locked the account
 * for the client's address. Every failure from that address counts, wrong passwords and tries
 * while locked alike; a successful sign-in clears the address's count and is noted as the user's
 * last sign-in.
 *
 * <p>The client address is the request's remote address, which Tomcat takes from
 * {@code X-Forwarded-For} only when the request comes from a trusted proxy
 * ({@code server.forward-headers-strategy=native}, {@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final LastSignIn lastSignIn;

    ThrottledAuthenticationProvider(DatabaseUserDetailsService users, PasswordEncoder passwordEncoder,
            SignInThrottle throttle, LastSignIn lastSignIn) {
        this.passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
        this.lastSignIn = lastSignIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = clientAddress(authentication);
        if (isLocked(username, address)) {
            // No password check: a lock is no oracle for guesses, right or wrong.
            countFailure(username, address);
            throw new LockedException("Too many failed sign-ins from this address");
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            countFailure(username, address);
            throw e;
        }
        try {
            throttle.clear(username, address);
        } catch (DataAccessException e) {
            // The password was right; an old count left behind only makes a later lock come sooner.
            log.warn("Could not clear the failed sign-ins of {}: {}", username, e.getMessage());
        }
        try {
            lastSignIn.record(username);
        } catch (DataAccessException e) {
            // Only the Users page's "last sign-in" is behind: no reason to refuse the right password.
            log.warn("Could not note the sign-in of {}: {}", username, e.getMessage());
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private boolean isLocked(String username, String address) {
        try {
            return throttle.isLocked(username, address);
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("Could not check whether the account is locked", e);
        }
    }

    /** The sign-in is refused either way: a failure to count it must not become a server error. */
    private void countFailure(String username, String address) {
        try {
            throttle.recordFailure(username, address);
        } catch (RuntimeException e) {
            log.warn("Could not count a failed sign-in of {}: {}", username, e.toString());
        }
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
