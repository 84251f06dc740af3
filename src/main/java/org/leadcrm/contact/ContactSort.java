package org.leadcrm.contact;

/** The columns the Contact Manager sorts on, each backed by an index; ties break on id. */
public enum ContactSort {
    NAME("c.last_name", "c.first_name"),
    EMAIL("c.email_key"),
    COMPANY("c.company"),
    STATUS("c.status"),
    LEAD_SCORE("c.lead_score"),
    CREATED("c.created_at");

    private final String[] columns;

    ContactSort(String... columns) {
        this.columns = columns;
    }

    /** Whether the order has an index led by status and one led by owner (the grid's two usual filters). */
    boolean hasIndexPerStatusAndOwner() {
        return this == NAME || this == CREATED;
    }

    /**
     * @param fixedColumn a column the filter fixes to one value, or null. Leading with it does not
     *                    change the order, but lets a database that does not see through the
     *                    equality (H2) read the order straight from an index such as
     *                    {@code (status, last_name, first_name, id)} instead of sorting every match.
     */
    String orderBy(boolean ascending, String fixedColumn) {
        String direction = ascending ? " asc" : " desc";
        StringBuilder sql = new StringBuilder();
        if (fixedColumn != null) {
            sql.append(fixedColumn).append(direction).append(", ");
        }
        for (String column : columns) {
            sql.append(column).append(direction).append(", ");
        }
        return sql.append("c.id").append(direction).toString();
    }
}
