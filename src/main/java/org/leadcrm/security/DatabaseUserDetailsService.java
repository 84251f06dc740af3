package org.leadcrm.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users come from the database; a deactivated account cannot sign in. Locks are the
 * {@link ThrottledAuthenticationProvider}'s, per client address.
 *
 * <p>Deliberately not a {@code UserDetailsService} bean: the throttled provider is the one password
 * check, and Spring Security warns about a user-details bean next to a provider bean.
 */
@Service
class DatabaseUserDetailsService {

    private final AppUserRepository users;

    DatabaseUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .authorities(new SimpleGrantedAuthority(user.getRole().authority()))
                .disabled(!user.isActive())
                .build();
    }
}
