package org.leadcrm.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.OptionalLong;
import java.util.function.ObjLongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The count-match confirmation of a permanent delete of many contacts, a list's or a selection's.
 * It opens at once, while the counts of what will go and what stays are computed in the background
 * ({@code docs/decisions/006}), and enables Delete only when they are in and the typed number equals
 * the number of contacts counted, typed as the page shows it or as plain digits ({@link TypedCount}).
 * What the counts were taken on ({@code T}: a list's membership version, a selection's checksum) and
 * the typed number travel to the service, which checks both again inside its transaction.
 *
 * @param <T> what the counts were read as, handed back on confirmation
 */
public class CountConfirmDialog<T> extends Dialog {

    static final String COUNTING = "counting…";
    /** The label of the link {@link #offerDownload} shows. */
    public static final String DOWNLOAD_FIRST = "Download these contacts first";

    final TextField typedCount;
    final Button delete = new Button("Delete");
    final Button cancel = new Button("Cancel");

    private final Wording wording;
    private final Span counted = new Span(COUNTING);
    private final Span synced = new Span(COUNTING);
    private final Span deleted = new Span(COUNTING);
    private final Span opportunities = new Span(COUNTING);
    private final Paragraph problem = new Paragraph();
    private final Div download = new Div();
    private @Nullable T shown;
    private long countedNumber;

    /**
     * What the dialog says about the contacts it counts.
     *
     * @param title       the dialog's title
     * @param whatGoes    the first paragraph: what is deleted, and that it cannot be undone
     * @param countedName what is counted, e.g. "Contacts in the list"
     * @param typeLabel   the label of the field the count is typed into
     * @param notTheCount the field's error when another number is typed
     * @param afterwards  the last paragraph: what else happens, or what stays
     */
    public record Wording(String title, String whatGoes, String countedName, String typeLabel, String notTheCount,
            String afterwards) {
    }

    /**
     * The counts shown.
     *
     * @param counted       the contacts counted: the number to type
     * @param synced        of those, synced with a third-party CRM and kept
     * @param deleted       contacts deleted
     * @param opportunities opportunities deleted with their only lead
     */
    public record Figures(long counted, long synced, long deleted, long opportunities) {
    }

    /** @param onConfirmed told what the counts were read as and the number the user typed */
    public CountConfirmDialog(Wording wording, ObjLongConsumer<T> onConfirmed) {
        this.wording = wording;
        addClassName("count-confirm-dialog");
        setHeaderTitle(wording.title());
        setCloseOnOutsideClick(false);
        setWidth("34rem");

        add(new Paragraph(wording.whatGoes()));
        UnorderedList facts = new UnorderedList(
                new ListItem(new Span(wording.countedName() + ": "), counted),
                new ListItem(new Span("Synced with Salesforce or SugarCRM, kept: "), synced),
                new ListItem(new Span("Contacts deleted: "), deleted),
                new ListItem(new Span("Opportunities deleted with their only lead: "), opportunities));
        facts.addClassName("deletion-facts");
        add(facts);
        add(new Paragraph(wording.afterwards()));
        download.addClassName("download-first");
        download.setVisible(false);
        add(download);
        problem.addClassName("count-problem");
        problem.setVisible(false);
        add(problem);

        typedCount = new TextField(wording.typeLabel());
        typedCount.setWidthFull();
        typedCount.setValueChangeMode(ValueChangeMode.EAGER);
        typedCount.setPlaceholder("Number of contacts");
        typedCount.setEnabled(false);
        typedCount.setHelperText("Counting the contacts…");
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

    /**
     * Offers a copy of the contacts before they go, for users who may export: {@code link} (labelled
     * {@link #DOWNLOAD_FIRST}) is shown above the field the count is typed into.
     */
    public void offerDownload(Anchor link) {
        download.removeAll();
        download.add(link);
        download.setVisible(true);
    }

    /** The counts are in: show them and let the user type the number. */
    public void showCounts(T readAs, Figures figures) {
        shown = readAs;
        countedNumber = figures.counted();
        counted.setText(Counts.number(figures.counted()));
        synced.setText(Counts.number(figures.synced()));
        deleted.setText(Counts.number(figures.deleted()));
        opportunities.setText(Counts.number(figures.opportunities()));
        typedCount.setHelperText(null);
        typedCount.setEnabled(true);
        typedCount.focus();
        check(false);
    }

    /** The counts could not be made: say why; nothing can be deleted from here. */
    public void showFailure(String message) {
        problem.setText(message);
        problem.setVisible(true);
        typedCount.setHelperText(null);
        for (Span count : new Span[] {counted, synced, deleted, opportunities}) {
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
        } else if (typed.getAsLong() != countedNumber) {
            error = wording.notTheCount();
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
        long example = shown == null ? 1234 : countedNumber;
        return example < 1000
                ? "Type digits only, like " + example + "."
                : "Type the number as it is shown, like " + Counts.number(example)
                        + ", or digits only, like " + example + ".";
    }
}
