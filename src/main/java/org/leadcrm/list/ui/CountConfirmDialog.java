package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.TypedCount;
import org.leadcrm.deletion.DeletionPreview;

/**
 * The count-match confirmation of a permanent delete. It states what will go and what stays, and
 * enables Delete only when the typed number equals the list's member count, typed as the page
 * shows it or as plain digits ({@link TypedCount}). The typed number travels to the service, which
 * counts again inside its transaction.
 */
class CountConfirmDialog extends Dialog {

    final TextField typedCount = new TextField("Type the number of contacts in this list to confirm");
    final Button delete = new Button("Delete");
    final Button cancel = new Button("Cancel");

    private final long memberCount;

    CountConfirmDialog(String title, String listName, DeletionPreview preview, boolean alsoDeleteList,
            LongConsumer onConfirmed) {
        this.memberCount = preview.selected();
        addClassName("count-confirm-dialog");
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        setWidth("34rem");

        add(new Paragraph("This permanently deletes the contacts of \"" + listName + "\" from the whole system. "
                + "It cannot be undone."));
        UnorderedList facts = new UnorderedList(
                new ListItem("Contacts in the list: " + Counts.number(preview.selected())),
                new ListItem("Synced with Salesforce or SugarCRM, kept: " + Counts.number(preview.synced())),
                new ListItem("Contacts deleted: " + Counts.number(preview.deletable())),
                new ListItem("Opportunities deleted with their only lead: " + Counts.number(preview.opportunitiesDeleted())));
        facts.addClassName("deletion-facts");
        add(facts);
        add(new Paragraph(alsoDeleteList
                ? "The list is deleted afterwards, with its exclusions."
                : "The list stays, empty but for its synced members."));

        typedCount.setWidthFull();
        typedCount.setValueChangeMode(ValueChangeMode.EAGER);
        typedCount.setPlaceholder("Number of contacts");
        typedCount.addValueChangeListener(e -> check(false));
        add(typedCount);

        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        delete.setEnabled(false);
        delete.addClickListener(e -> {
            OptionalLong typed = check(true);
            if (typed.isPresent()) {
                close();
                onConfirmed.accept(typed.getAsLong());
            }
        });
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, delete);
    }

    /** Validates the typed number; shows why it is refused when {@code explain} or it is not blank. */
    private OptionalLong check(boolean explain) {
        String text = typedCount.getValue();
        OptionalLong typed = TypedCount.parse(text);
        String error = null;
        if (text.isBlank()) {
            error = explain ? "Type the number of contacts to confirm." : null;
        } else if (typed.isEmpty()) {
            error = whyNotANumber(text.strip());
        } else if (typed.getAsLong() != memberCount) {
            error = "That is not the number of contacts in this list.";
            typed = OptionalLong.empty();
        }
        typedCount.setErrorMessage(error);
        typedCount.setInvalid(error != null);
        delete.setEnabled(typed.isPresent());
        return typed;
    }

    private String whyNotANumber(String text) {
        if (text.startsWith("-")) {
            return "The number of contacts cannot be negative.";
        }
        if (text.contains(".")) {
            return "Type a whole number of contacts.";
        }
        return memberCount < 1000
                ? "Type digits only, like " + memberCount + "."
                : "Type the number as it is shown, like " + Counts.number(memberCount)
                        + ", or digits only, like " + memberCount + ".";
    }
}
