package org.leadcrm.opportunity;

/** Where a deal stands, from first talk to won or lost. */
public enum OpportunityStage {
    PROSPECTING("Prospecting"),
    PROPOSAL("Proposal"),
    NEGOTIATION("Negotiation"),
    WON("Won"),
    LOST("Lost");

    private final String label;

    OpportunityStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
