package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.leadcrm.base.ui.DangerDialog;

/** A plain confirmation for a list operation: what happens, what stays, Cancel as the default. */
class ConfirmDialog extends DangerDialog {

    final Button confirm;
    final Button cancel = new Button("Cancel");

    ConfirmDialog(String title, String confirmText, Runnable onConfirm, String... paragraphs) {
        super(title, "confirm-dialog");
        for (String text : paragraphs) {
            add(new Paragraph(text));
        }
        confirm = new Button(confirmText, e -> {
            close();
            onConfirm.run();
        });
        footer(confirm, cancel);
    }
}
