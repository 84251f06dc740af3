package org.leadcrm.opportunity;

/** The columns the Opportunities view sorts on, each backed by an index; ties break on id. */
public enum OpportunitySort {
    NAME("o.name"),
    STAGE("o.stage"),
    AMOUNT("o.amount"),
    CLOSE_DATE("o.close_date");

    private final String column;

    OpportunitySort(String column) {
        this.column = column;
    }

    String orderBy(boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        return column + direction + ", o.id" + direction;
    }
}
