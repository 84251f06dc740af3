package org.leadcrm.demo;

import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;

/** The demo users, one of each role, all with the password {@value #PASSWORD}. */
record DemoTeam(UserSummary admin, UserSummary manager, UserSummary marketing,
        UserSummary salesManager, UserSummary sales, UserSummary junior) {

    static final String PASSWORD = "demo";
    static final int SIZE = 6;

    static DemoTeam create(UserService users) {
        return new DemoTeam(
                users.createUser("admin", "Olivia Bennett", PASSWORD, Role.ADMIN),
                users.createUser("manager", "Marcus Hale", PASSWORD, Role.COMPANY_MANAGER),
                users.createUser("marketing", "Priya Raman", PASSWORD, Role.MARKETING_MANAGER),
                users.createUser("salesmanager", "Daniel Okafor", PASSWORD, Role.SALES_MANAGER),
                users.createUser("sales", "Sofia Lindqvist", PASSWORD, Role.SALESPERSON),
                users.createUser("junior", "Jamie Carter", PASSWORD, Role.JR_SALESPERSON));
    }
}
