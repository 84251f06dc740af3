package org.leadcrm.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs work as the application itself, an Administrator named {@value #USERNAME}, for code that
 * acts with nobody signed in: start-up (demo data, the first administrator) and sign-in
 * bookkeeping. Services keep their {@code @PreAuthorize} checks; this is the one, visible way
 * around them. The caller's security context is restored afterwards.
 *
 * <p>Not for a signed-in UI request: there Vaadin's security-context strategy reads the user's
 * context from the HTTP session, so a context set here would not be seen (and is refused).
 */
public final class SystemAuthentication {

    /** The name audit entries show for work done by the application itself. */
    public static final String USERNAME = "system";

    private SystemAuthentication() {
    }

    public static void runAsSystem(Runnable work) {
        callAsSystem(() -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAsSystem(Supplier<T> work) {
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext previous = strategy.getContext();
        SecurityContext system = strategy.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USERNAME, null,
                AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
        strategy.setContext(system);
        try {
            if (strategy.getContext() != system) {
                throw new IllegalStateException("Cannot run as the system inside a signed-in UI request");
            }
            return work.get();
        } finally {
            if (previous.getAuthentication() == null) {
                strategy.clearContext();
            } else {
                strategy.setContext(previous);
            }
        }
    }
}
