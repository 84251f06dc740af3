package org.leadcrm.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** A person who signs in to LeadCRM. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 50)
    private String username;

    /** {@code username} in lower case, unique: no two usernames differ only in letter case. */
    @Column(name = "username_key")
    private String usernameKey;

    @NotBlank
    @Size(max = 100)
    @Column(name = "display_name")
    private String displayName;

    @NotBlank
    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean active = true;

    @Version
    private long version;

    protected AppUser() {
    }

    AppUser(String username, String displayName, String passwordHash, Role role) {
        this.username = username;
        this.usernameKey = keyOf(username);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void setRole(Role role) {
        this.role = role;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
