package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.OptionalLong;
import java.util.function.ObjLongConsumer;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.TypedCount;
import org.leadcrm.deletion.DeletionPreview;
import org.leadcrm.list.ListDeletionPreview;

/**
 * The count-match confirmation of a permanent delete. It opens at once, while the counts of what
 * will go and what stays are computed in the background ({@code docs/decisions/006}), and enables
 * Delete only when they are in and the typed number equals the list's member count, typed as the
 * page shows it or as plain digits ({@link TypedCount}). The typed number and the membership version
 * the counts were taken at travel to the service, which checks both again inside its transaction.
 */
class CountConfirmDialog extends Dialog {

    static final String COUNTING = "counting…";

    final TextField typedCount = new TextField("Type the number of contacts in this list to confirm");
    final Button delete = new Button("Delete");
    final Button cancel = new Button("Cancel");

    private final Span members = new Span(COUNTING);
    private final Span synced = new Span(COUNTING);
    private final Span deleted = new Span(COUNTING);
    private final Span opportunities = new Span(COUNTING);
    private final Paragraph problem = new Paragraph();
    private ListDeletionPreview shown;

    /** @param onConfirmed told the counts the user confirmed and the number they typed */
    CountConfirmDialog(String title, String listName, boolean alsoDeleteList,
            ObjLongConsumer<ListDeletionPreview> onConfirmed) {
        addClassName("count-confirm-dialog");
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        setWidth("34rem");

        add(new Paragraph("This permanently deletes the contacts of \"" + listName + "\" from the whole system. "
                + "It cannot be undone."));
        UnorderedList facts = new UnorderedList(
                new ListItem(new Span("Contacts in the list: "), members),
                new ListItem(new Span("Synced with Salesforce or SugarCRM, kept: "), synced),
                new ListItem(new Span("Contacts deleted: "), deleted),
                new ListItem(new Span("Opportunities deleted with their only lead: "), opportunities));
        facts.addClassName("deletion-facts");
        add(facts);
        add(new Paragraph(alsoDeleteList
                ? "The list is deleted afterwards, with its exclusions."
                : "The list stays, empty but for its synced members."));
        problem.addClassName("count-problem");
        problem.setVisible(false);
        add(problem);

        typedCount.setWidthFull();
        typedCount.setValueChangeMode(ValueChangeMode.EAGER);
        typedCount.setPlaceholder("Number of contacts");
        typedCount.setEnabled(false);
        typedCount.setHelperText("Counting the list's contacts…");
        typedCount.addValueChangeListener(e -> check(false));
        add(typedCount);

        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        delete.setEnabled(false);
        delete.addClickListener(e -> {
            OptionalLong typed = check(true);
            if (typed.isPresent()) {
                close();
                onConfirmed.accept(shown, typed.getAsLong());
            }
        });
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, delete);
    }

    /** The counts are in: show them and let the user type the number. */
    void showPreview(ListDeletionPreview preview) {
        shown = preview;
        DeletionPreview counts = preview.preview();
        members.setText(Counts.number(counts.selected()));
        synced.setText(Counts.number(counts.synced()));
        deleted.setText(Counts.number(counts.deletable()));
        opportunities.setText(Counts.number(counts.opportunitiesDeleted()));
        typedCount.setHelperText(null);
        typedCount.setEnabled(true);
        typedCount.focus();
        check(false);
    }

    /** The counts could not be made: say why; nothing can be deleted from here. */
    void showFailure(String message) {
        problem.setText(message);
        problem.setVisible(true);
        typedCount.setHelperText(null);
        for (Span count : new Span[] {members, synced, deleted, opportunities}) {
            if (COUNTING.equals(count.getText())) {
                count.setText("—");
            }
        }
    }

    boolean isCounting() {
        return shown == null && !problem.isVisible();
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
        } else if (shown == null) {
            error = "Wait until the contacts are counted.";
            typed = OptionalLong.empty();
        } else if (typed.getAsLong() != memberCount()) {
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
        long memberCount = shown == null ? 1234 : memberCount();
        return memberCount < 1000
                ? "Type digits only, like " + memberCount + "."
                : "Type the number as it is shown, like " + Counts.number(memberCount)
                        + ", or digits only, like " + memberCount + ".";
    }

    private long memberCount() {
        return shown.preview().selected();
    }
}
