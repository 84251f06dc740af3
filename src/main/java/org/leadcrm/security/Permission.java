package org.leadcrm.security;

import java.util.EnumSet;
import java.util.Set;

/** The rights of PRODUCT.md's role table, for views that hide what a user may not do. */
public enum Permission {
    MANAGE_LISTS(EnumSet.of(Role.ADMIN, Role.COMPANY_MANAGER, Role.MARKETING_MANAGER)),
    DELETE_CONTACTS(EnumSet.of(Role.ADMIN, Role.COMPANY_MANAGER)),
    IMPORT_CONTACTS(EnumSet.of(Role.ADMIN, Role.COMPANY_MANAGER, Role.MARKETING_MANAGER, Role.SALES_MANAGER)),
    DELETE_OPPORTUNITIES(EnumSet.of(Role.ADMIN, Role.COMPANY_MANAGER)),
    EXPORT_CONTACTS(EnumSet.of(Role.ADMIN, Role.COMPANY_MANAGER, Role.MARKETING_MANAGER, Role.SALES_MANAGER)),
    ADMINISTER(EnumSet.of(Role.ADMIN));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
