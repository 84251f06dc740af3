package org.leadcrm.contact;

/** Where a contact stands in the funnel; {@link #LEAD} is what the product calls a lead. */
public enum ContactStatus {
    LEAD("Lead"),
    CONTACTED("Contacted"),
    QUALIFIED("Qualified"),
    CUSTOMER("Customer"),
    UNQUALIFIED("Unqualified");

    private final String label;

    ContactStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
