package org.leadcrm.contact;

/** The third-party CRM that owns a contact, if any. Synced contacts are never deleted here. */
public enum CrmSystem {
    NONE(""),
    SALESFORCE("Salesforce"),
    SUGARCRM("SugarCRM");

    private final String label;

    CrmSystem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isSynced() {
        return this != NONE;
    }
}
