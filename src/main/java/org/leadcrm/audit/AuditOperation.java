package org.leadcrm.audit;

/** The operations that leave an audit entry: destructive ones, rule applications (they can empty a
 * list), exports (contacts leaving the system), imports (they create and change contacts in bulk),
 * and changes to who can sign in and with which role. */
public enum AuditOperation {
    REMOVE_ALL_CONTACTS("Remove All Contacts"),
    REMOVE_ALL_CONTACTS_KEEP_EXCLUSIONS("Remove All Contacts (Keep Exclusions)"),
    DELETE_ALL_CONTACTS("Permanently Delete All Contacts"),
    DELETE_ALL_CONTACTS_AND_LIST("Permanently Delete All Contacts and List"),
    DELETE_LIST("Delete List"),
    DELETE_LEAD("Delete lead"),
    DELETE_SELECTED_CONTACTS("Delete contacts (Contact Manager)"),
    REMOVE_SELECTED_MEMBERS("Remove selected members"),
    APPLY_LIST_RULES("Apply list rules"),
    DELETE_OPPORTUNITY("Delete opportunity"),
    EXPORT_CONTACTS("Export contacts (CSV)"),
    IMPORT_CONTACTS("Import contacts"),
    ACCOUNT_LOCKED("Account locked"),
    ACCOUNT_UNLOCKED("Account unlocked"),
    USER_CREATED("User created"),
    ROLE_CHANGED("Role changed"),
    USER_DEACTIVATED("User deactivated"),
    USER_REACTIVATED("User reactivated"),
    PASSWORD_RESET("Password reset"),
    PASSWORD_CHANGED("Password changed");

    private final String label;

    AuditOperation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
