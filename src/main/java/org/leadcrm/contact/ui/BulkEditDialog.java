package org.leadcrm.contact.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.list.BulkAddResult;
import org.leadcrm.list.BulkEditService;
import org.leadcrm.list.ListChoice;
import org.leadcrm.list.ListDraft;
import org.leadcrm.list.ListService;

/** Bulk Edit: adds the selected contacts to an existing list or to a new manual list. */
class BulkEditDialog extends Dialog {

    static final String EXISTING = "An existing list";
    static final String NEW = "A new manual list";

    final RadioButtonGroup<String> target = new RadioButtonGroup<>("Add to");
    final ComboBox<ListChoice> existing = new ComboBox<>("List");
    final TextField newName = new TextField("Name of the new list");
    final TextArea newDescription = new TextArea("Description");
    final Button add = new Button("Add to list");

    private final BulkEditService bulkEdit;
    private final ListService lists;
    private final BackgroundOperation background;
    private final BulkSelection selection;
    private final long size;
    private final Runnable onDone;

    BulkEditDialog(BulkEditService bulkEdit, ListService lists, BackgroundOperation background, BulkSelection selection, long size,
            Runnable onDone) {
        this.bulkEdit = bulkEdit;
        this.lists = lists;
        this.background = background;
        this.selection = selection;
        this.size = size;
        this.onDone = onDone;
        addClassName("bulk-edit-dialog");
        setHeaderTitle("Bulk Edit: add " + Counts.of(size, "contact", "contacts") + " to a list");
        setCloseOnOutsideClick(false);
        setWidth("30rem");

        target.setItems(EXISTING, NEW);
        target.setValue(EXISTING);
        existing.setItems(lists.choices());
        existing.setItemLabelGenerator(ListChoice::name);
        existing.setWidthFull();
        newName.setWidthFull();
        newName.setMaxLength(ListDraft.NAME_MAX_LENGTH);
        newDescription.setWidthFull();
        newDescription.setMaxLength(ListDraft.DESCRIPTION_MAX_LENGTH);
        target.addValueChangeListener(e -> showTarget());
        showTarget();

        add(target, existing, newName, newDescription,
                new Paragraph("Contacts the list excludes are skipped. Contacts already on it stay as they are."));

        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> submit());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, add);
    }

    private void showTarget() {
        boolean toExisting = EXISTING.equals(target.getValue());
        existing.setVisible(toExisting);
        newName.setVisible(!toExisting);
        newDescription.setVisible(!toExisting);
    }

    private void submit() {
        if (EXISTING.equals(target.getValue())) {
            ListChoice chosen = existing.getValue();
            if (chosen == null) {
                existing.setErrorMessage("Choose a list");
                existing.setInvalid(true);
                return;
            }
            close();
            background.run(size, "Adding contacts to " + chosen.name(),
                    progress -> bulkEdit.addContacts(chosen.id(), selection, progress),
                    result -> done(chosen.name(), result));
        } else {
            String name = newName.getValue().strip();
            if (name.isEmpty()) {
                newName.setErrorMessage("Enter a name for the list");
                newName.setInvalid(true);
                return;
            }
            if (lists.choices().stream().anyMatch(l -> l.name().equalsIgnoreCase(name))) {
                newName.setErrorMessage("A list with this name already exists");
                newName.setInvalid(true);
                return;
            }
            close();
            ListDraft draft = ListDraft.manual(name, newDescription.getValue());
            background.run(size, "Creating " + name,
                    progress -> bulkEdit.addContactsToNewList(draft, selection, progress),
                    result -> done(name, result.result()));
        }
    }

    private void done(String listName, BulkAddResult result) {
        Notifications.success("Added " + Counts.number(result.added()) + " to " + listName + "; "
                + Counts.number(result.alreadyMembers()) + " already on it, "
                + Counts.number(result.excluded()) + " skipped as excluded.");
        onDone.run();
    }
}
