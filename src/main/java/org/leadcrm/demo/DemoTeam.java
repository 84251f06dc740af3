package org.leadcrm.demo;

import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;

/**
 * The demo users, one of each role, all with the password {@value #PASSWORD}: short and well
 * known on purpose, which is why they are created as demo users, past the password rules.
 */
record DemoTeam(UserSummary admin, UserSummary manager, UserSummary marketing,
        UserSummary salesManager, UserSummary sales, UserSummary junior) {

    static final String PASSWORD = "demo";
    static final int SIZE = 6;

    static DemoTeam create(UserService users) {
        return new DemoTeam(
                users.createDemoUser("admin", "Olivia Bennett", PASSWORD, Role.ADMIN),
                users.createDemoUser("manager", "Marcus Hale", PASSWORD, Role.COMPANY_MANAGER),
                users.createDemoUser("marketing", "Priya Raman", PASSWORD, Role.MARKETING_MANAGER),
                users.createDemoUser("salesmanager", "Daniel Okafor", PASSWORD, Role.SALES_MANAGER),
                users.createDemoUser("sales", "Sofia Lindqvist", PASSWORD, Role.SALESPERSON),
                users.createDemoUser("junior", "Jamie Carter", PASSWORD, Role.JR_SALESPERSON));
    }
}
