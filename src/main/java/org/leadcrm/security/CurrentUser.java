package org.leadcrm.security;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user of the current request or worker thread, read from Spring Security's
 * context (long-running work carries that context to its thread).
 */
@Component
public class CurrentUser {

    private final AppUserRepository users;

    CurrentUser(AppUserRepository users) {
        this.users = users;
    }

    public String username() {
        return authentication().map(Authentication::getName).orElse("system");
    }

    public Optional<Role> role() {
        return authentication().flatMap(auth -> auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Role.values())
                        .filter(role -> role.authority().equals(authority)))
                .findFirst());
    }

    public boolean has(Permission permission) {
        return role().map(permission::grantedTo).orElse(false);
    }

    public boolean is(Role role) {
        return role().map(role::equals).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> summary() {
        return authentication().flatMap(auth -> users.findByUsername(auth.getName()))
                .map(UserService::toSummary);
    }

    private static Optional<Authentication> authentication() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .filter(Authentication::isAuthenticated);
    }
}
