package org.leadcrm.contact.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.DangerDialog;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.ContactRow;
import org.leadcrm.deletion.DeletionResult;
import org.leadcrm.deletion.LeadDeletionService;

/**
 * Confirms deleting one lead: names it, says the deletion is permanent, and names the
 * opportunities that go with it because it is their only lead. Cancel is the default.
 */
class DeleteLeadDialog extends DangerDialog {

    final Button delete = new Button("Delete permanently");
    final Button cancel = new Button("Cancel");

    DeleteLeadDialog(ContactRow lead, LeadDeletionService service, Runnable onDeleted) {
        super("Delete " + lead.fullName() + "?", "delete-lead-dialog");

        add(new Paragraph(lead.fullName() + " (" + lead.email() + ") will be deleted permanently, from every list "
                + "and opportunity. This cannot be undone."));
        List<String> opportunities = service.opportunitiesDeletedWith(lead.id());
        if (opportunities.isEmpty()) {
            add(new Paragraph("No opportunity is deleted with this lead."));
        } else {
            add(new Paragraph("These opportunities have no other lead and will be deleted too:"));
            UnorderedList names = new UnorderedList();
            names.addClassName("doomed-opportunities");
            opportunities.forEach(name -> names.add(new ListItem(name)));
            add(names);
        }

        delete.addClickListener(e -> {
            try {
                DeletionResult result = service.deleteLead(lead.id());
                close();
                Notifications.success("Deleted " + lead.fullName()
                        + (result.opportunitiesDeleted() > 0
                        ? " and " + Counts.of(result.opportunitiesDeleted(), "opportunity", "opportunities") : "") + ".");
                onDeleted.run();
            } catch (RuntimeException ex) {
                close();
                Notifications.error(ErrorMessages.messageFor(ex));
                onDeleted.run();
            }
        });
        footer(delete, cancel);
    }
}
