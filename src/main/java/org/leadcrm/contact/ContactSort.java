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

    String orderBy(boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        StringBuilder sql = new StringBuilder();
        for (String column : columns) {
            sql.append(column).append(direction).append(", ");
        }
        return sql.append("c.id").append(direction).toString();
    }
}
