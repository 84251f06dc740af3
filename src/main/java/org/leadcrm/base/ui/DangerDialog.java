package org.leadcrm.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

/**
 * A confirmation of something that cannot be undone: a red action and a Cancel that is the
 * primary button and has the focus when the dialog opens, so Enter never confirms by accident.
 * A click outside does not close it.
 */
public abstract class DangerDialog extends Dialog {

    protected DangerDialog(String title, String className) {
        addClassName(className);
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        setWidth("32rem");
    }

    /** Puts {@code action} and {@code cancel} in the footer; Cancel closes the dialog. */
    protected void footer(Button action, Button cancel) {
        action.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.addClickListener(e -> close());
        getFooter().add(action, cancel);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                cancel.focus();
            }
        });
    }
}
