package org.leadcrm.bench;

/** The two databases LeadCRM runs on. */
enum BenchDb {
    H2("H2"),
    POSTGRES("PostgreSQL");

    private final String label;

    BenchDb(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
