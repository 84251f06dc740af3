package org.leadcrm.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.leadcrm.base.ui.DangerDialog;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.security.UserRow;

/**
 * Confirms deactivating a user: they can no longer sign in, and their open pages end at their
 * next click. A refusal (the last active Administrator) is shown in the dialog.
 */
class DeactivateUserDialog extends DangerDialog {

    final Paragraph formError = new Paragraph();
    final Button deactivate;
    final Button cancel = new Button("Cancel");

    DeactivateUserDialog(UserRow user, Runnable deactivator, Runnable onDeactivated) {
        super("Deactivate " + user.displayName() + "?", "deactivate-user-dialog");
        formError.addClassName("form-error");
        formError.setVisible(false);
        add(formError,
                new Paragraph(user.displayName() + " (" + user.username() + ") can no longer sign in, and pages they "
                        + "have open now go to the sign-in page at their next click."),
                new Paragraph("Their contacts, lists and audit entries stay. You can reactivate them at any time."));
        deactivate = new Button("Deactivate", e -> {
            try {
                deactivator.run();
                close();
                onDeactivated.run();
            } catch (RuntimeException refused) {
                formError.setText(ErrorMessages.messageFor(refused));
                formError.setVisible(true);
            }
        });
        footer(deactivate, cancel);
    }
}
