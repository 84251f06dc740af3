package org.leadcrm.contact.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;

/** The status and sync badges, the same in the Contact Manager's rows and on a contact's page. */
final class ContactBadges {

    private ContactBadges() {
    }

    static Span status(ContactStatus status) {
        Span badge = new Span(status.label());
        badge.getElement().getThemeList().add("badge pill");
        badge.addClassName("status-" + status.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    static Span synced(CrmSystem crm) {
        return syncBadge("Synced: " + crm.label(), crm);
    }

    /** The sync badge in a column headed "Synced": only the CRM's name, which fits the column. */
    static Span crm(CrmSystem crm) {
        return syncBadge(crm.label(), crm);
    }

    private static Span syncBadge(String text, CrmSystem crm) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge contrast pill");
        badge.getElement().setAttribute("title", "Synced with " + crm.label() + " — delete it there");
        return badge;
    }
}
