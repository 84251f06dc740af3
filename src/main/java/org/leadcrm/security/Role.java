package org.leadcrm.security;

/**
 * The six roles of LeadCRM. The constants are the Spring role names (without the "ROLE_"
 * prefix), for {@code @RolesAllowed} and {@code hasRole}; the enum gives their display names.
 */
public enum Role {
    ADMIN(Role.Names.ADMIN, "Administrator"),
    COMPANY_MANAGER(Role.Names.COMPANY_MANAGER, "Company Manager"),
    MARKETING_MANAGER(Role.Names.MARKETING_MANAGER, "Marketing Manager"),
    SALES_MANAGER(Role.Names.SALES_MANAGER, "Sales Manager"),
    SALESPERSON(Role.Names.SALESPERSON, "Salesperson"),
    JR_SALESPERSON(Role.Names.JR_SALESPERSON, "Jr. Salesperson");

    private final String roleName;
    private final String displayName;

    Role(String roleName, String displayName) {
        this.roleName = roleName;
        this.displayName = displayName;
    }

    public String roleName() {
        return roleName;
    }

    public String authority() {
        return "ROLE_" + roleName;
    }

    public String displayName() {
        return displayName;
    }

    /** Compile-time constants for annotations. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String COMPANY_MANAGER = "COMPANY_MANAGER";
        public static final String MARKETING_MANAGER = "MARKETING_MANAGER";
        public static final String SALES_MANAGER = "SALES_MANAGER";
        public static final String SALESPERSON = "SALESPERSON";
        public static final String JR_SALESPERSON = "JR_SALESPERSON";

        private Names() {
        }
    }

    /**
     * Who may do what: PRODUCT.md's table of roles, as Spring Security expressions for
     * {@code @PreAuthorize}. Views use {@link Permission} for the same rules.
     */
    public static final class Can {
        public static final String MANAGE_LISTS =
                "hasAnyRole('ADMIN', 'COMPANY_MANAGER', 'MARKETING_MANAGER')";
        public static final String DELETE_CONTACTS = "hasAnyRole('ADMIN', 'COMPANY_MANAGER')";
        public static final String IMPORT_CONTACTS =
                "hasAnyRole('ADMIN', 'COMPANY_MANAGER', 'MARKETING_MANAGER', 'SALES_MANAGER')";
        public static final String DELETE_OPPORTUNITIES = "hasAnyRole('ADMIN', 'COMPANY_MANAGER')";
        public static final String EXPORT_CONTACTS =
                "hasAnyRole('ADMIN', 'COMPANY_MANAGER', 'MARKETING_MANAGER', 'SALES_MANAGER')";
        public static final String ADMINISTER = "hasRole('ADMIN')";
        /** Open to every signed-in user: said explicitly, so that no service method is unguarded by accident. */
        public static final String SIGNED_IN = "isAuthenticated()";
        /**
         * The application itself ({@link SystemAuthentication}), at start-up: for what no person may
         * do, such as creating the demo users with their well-known password. Nobody can sign in
         * as "system": no user may have that name.
         */
        public static final String ONLY_THE_APPLICATION =
                "hasRole('ADMIN') and authentication.name == '" + SystemAuthentication.USERNAME + "'";

        private Can() {
        }
    }
}
