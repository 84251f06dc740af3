package org.leadcrm.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PRODUCT.md's table of roles and what they may do, read from a copy of it in the test
 * resources: the access tests check every service operation against its row.
 */
final class RolesTable {

    private static final String RESOURCE = "roles-table.md";
    /** The table's columns after the action, in order. */
    private static final List<Role> COLUMNS = List.of(Role.ADMIN, Role.COMPANY_MANAGER, Role.MARKETING_MANAGER,
            Role.SALES_MANAGER, Role.SALESPERSON, Role.JR_SALESPERSON);

    private final Map<String, Set<Role>> allowedByAction;

    private RolesTable(Map<String, Set<Role>> allowedByAction) {
        this.allowedByAction = allowedByAction;
    }

    static RolesTable read() {
        try (InputStream in = RolesTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell is "–" for refused; anything else ("✓", "their own", "leads assigned to them") allows. */
    static RolesTable parse(String markdown) {
        Map<String, Set<Role>> rows = new LinkedHashMap<>();
        List<String> lines = markdown.lines().filter(line -> line.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        List<String> expected = new ArrayList<>(List.of("action"));
        COLUMNS.forEach(role -> expected.add(role.displayName()));
        if (!header.equals(expected)) {
            throw new IllegalStateException("Unexpected columns " + header);
        }
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (!cells.get(i + 1).equals("–")) {
                    allowed.add(COLUMNS.get(i));
                }
            }
            rows.put(cells.get(0), allowed);
        }
        return new RolesTable(rows);
    }

    private static List<String> cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    /** The roles the row of this action allows. */
    Set<Role> allowed(String action) {
        Set<Role> allowed = allowedByAction.get(action);
        if (allowed == null) {
            throw new IllegalArgumentException("No row \"" + action + "\" in the roles table: " + allowedByAction.keySet());
        }
        return allowed;
    }

    Set<String> actions() {
        return allowedByAction.keySet();
    }
}
