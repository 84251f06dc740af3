package org.leadcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * Views hide what a role may not do with {@link Permission}; services refuse it with the
 * {@code @PreAuthorize} expressions of {@link Role.Can}. They are two spellings of one rule, and of
 * PRODUCT.md's roles table: this keeps all three the same for every role.
 */
class PermissionsAgreeTest {

    /** The rows of the roles table that each permission stands for. */
    private static final Map<Permission, List<String>> ROWS = Map.of(
            Permission.MANAGE_LISTS, List.of("create/edit a list, Bulk Edit into lists",
                    "remove selected members from a list (bulk)"),
            Permission.DELETE_CONTACTS, List.of("delete a lead (one)", "Options: Remove All Contacts (either form)",
                    "Options: Permanently Delete All Contacts", "Options: Permanently Delete All Contacts and List",
                    "Options: Delete List", "delete all contacts matching a filter (bulk, from the Contact Manager)"),
            Permission.DELETE_OPPORTUNITIES, List.of("delete an opportunity"),
            Permission.EXPORT_CONTACTS, List.of("export contacts to CSV"),
            Permission.IMPORT_CONTACTS, List.of("import contacts from CSV"),
            Permission.ADMINISTER, List.of("manage users, unlock accounts, view the audit log"));

    @Test
    void every_permission_grants_exactly_the_roles_its_service_expression_allows() throws Exception {
        for (Permission permission : Permission.values()) {
            Field expression = Role.Can.class.getField(permission.name());
            for (Role role : Role.values()) {
                assertThat(allows((String) expression.get(null), role))
                        .as("%s for %s", permission, role.displayName())
                        .isEqualTo(permission.grantedTo(role));
            }
        }
    }

    @Test
    void every_permission_grants_exactly_the_roles_of_its_rows_in_the_roles_table() {
        RolesTable table = RolesTable.read();
        assertThat(ROWS.keySet()).containsExactlyInAnyOrder(Permission.values());
        ROWS.forEach((permission, rows) -> {
            Set<Role> granted = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (permission.grantedTo(role)) {
                    granted.add(role);
                }
            }
            for (String row : rows) {
                assertThat(granted).as("%s and \"%s\"", permission, row).isEqualTo(table.allowed(row));
            }
        });
    }

    private static boolean allows(String expression, Role role) {
        TestingAuthenticationToken user = new TestingAuthenticationToken("someone", "secret", role.authority());
        user.setAuthenticated(true);
        SecurityExpressionRoot root = new SecurityExpressionRoot(user) { };
        return Boolean.TRUE.equals(new SpelExpressionParser().parseExpression(expression)
                .getValue(new StandardEvaluationContext(root), Boolean.class));
    }
}
