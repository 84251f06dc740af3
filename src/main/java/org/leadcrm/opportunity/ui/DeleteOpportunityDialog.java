package org.leadcrm.opportunity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.leadcrm.base.ui.DangerDialog;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.opportunity.OpportunityDetails;
import org.leadcrm.opportunity.OpportunityService;

/** Confirms deleting one opportunity; its leads stay. */
class DeleteOpportunityDialog extends DangerDialog {

    final Button delete = new Button("Delete opportunity");
    final Button cancel = new Button("Cancel");

    DeleteOpportunityDialog(OpportunityDetails opportunity, OpportunityService service, Runnable onDeleted) {
        super("Delete " + opportunity.fields().name() + "?", "delete-opportunity-dialog");
        add(new Paragraph("The opportunity " + opportunity.fields().name() + " will be deleted permanently. Its leads "
                + "stay in LeadCRM. This cannot be undone."));
        delete.addClickListener(e -> {
            try {
                service.delete(opportunity.id());
                Notifications.success("Deleted " + opportunity.fields().name() + ".");
            } catch (RuntimeException ex) {
                Notifications.error(ErrorMessages.messageFor(ex));
            }
            close();
            onDeleted.run();
        });
        footer(delete, cancel);
    }
}
