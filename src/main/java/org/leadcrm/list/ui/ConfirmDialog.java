package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** A plain confirmation for a list operation: what happens, what stays, Cancel as the default. */
class ConfirmDialog extends Dialog {

    final Button confirm;
    final Button cancel = new Button("Cancel");

    ConfirmDialog(String title, String confirmText, Runnable onConfirm, String... paragraphs) {
        addClassName("confirm-dialog");
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        setWidth("32rem");
        for (String text : paragraphs) {
            add(new Paragraph(text));
        }
        confirm = new Button(confirmText, e -> {
            close();
            onConfirm.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.addClickListener(e -> close());
        getFooter().add(confirm, cancel);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                cancel.focus();
            }
        });
    }
}
