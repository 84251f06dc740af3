package org.leadcrm.imports.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.leadcrm.imports.ExistingContacts;
import org.leadcrm.imports.ImportOptions;
import org.leadcrm.imports.ListTarget;
import org.leadcrm.list.ListChoice;
import org.leadcrm.list.ListDraft;
import org.leadcrm.list.ListService;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Permission;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;
import org.springframework.lang.Nullable;

/**
 * The options step: what happens to contacts that exist already, who owns the new ones, and which
 * list every imported contact goes to (for those who may change lists).
 */
class OptionsStep extends Div {

    static final String NO_LIST = "No list";
    static final String EXISTING_LIST = "An existing list";
    static final String NEW_LIST = "A new manual list";

    final RadioButtonGroup<ExistingContacts> existing = new RadioButtonGroup<>(
            "Contacts that already exist (the same e-mail address, in any case)");
    final ComboBox<UserSummary> owner = new ComboBox<>("Owner of new contacts");
    final RadioButtonGroup<String> target = new RadioButtonGroup<>("Add every imported contact, new or existing, to");
    final ComboBox<ListChoice> existingList = new ComboBox<>("List");
    final TextField newListName = new TextField("Name of the new list");

    private final ListService lists;
    private final boolean mayFillLists;

    OptionsStep(ListService lists, UserService users, CurrentUser currentUser) {
        this.lists = lists;
        this.mayFillLists = currentUser.has(Permission.MANAGE_LISTS);
        addClassName("import-options");

        existing.setItems(ExistingContacts.values());
        existing.setItemLabelGenerator(choice -> choice == ExistingContacts.SKIP
                ? "Skip them: leave them as they are"
                : "Update them: non-blank cells overwrite their fields, blank cells erase nothing");
        existing.setValue(ExistingContacts.SKIP);
        existing.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        Paragraph synced = new Paragraph("Contacts synced with Salesforce or SugarCRM are never changed by an import.");
        synced.addClassName("hint");

        owner.setItems(users.listUsers());
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder("Nobody");
        owner.setHelperText("For rows whose Owner cell is blank or not imported.");
        owner.setWidth("20rem");
        currentUser.summary().ifPresent(me -> owner.getListDataView().getItems()
                .filter(user -> user.id() == me.id()).findFirst().ifPresent(owner::setValue));

        add(existing, synced, owner);
        if (mayFillLists) {
            target.setItems(NO_LIST, EXISTING_LIST, NEW_LIST);
            target.setValue(NO_LIST);
            existingList.setItems(lists.choices());
            existingList.setItemLabelGenerator(ListChoice::name);
            existingList.setWidth("20rem");
            newListName.setMaxLength(ListDraft.NAME_MAX_LENGTH);
            // The name reaches the server as it is typed, not only when the field loses the focus.
            newListName.setValueChangeMode(ValueChangeMode.EAGER);
            newListName.setWidth("20rem");
            target.addValueChangeListener(e -> showTarget());
            Paragraph excluded = new Paragraph("Contacts the list excludes are not added to it.");
            excluded.addClassName("hint");
            add(target, existingList, newListName, excluded);
            showTarget();
        } else {
            Paragraph noLists = new Paragraph("Adding the imported contacts to a list needs the right to change lists "
                    + "(Administrators, Company Managers and Marketing Managers have it).");
            noLists.addClassName("hint");
            add(noLists);
        }
    }

    private void showTarget() {
        existingList.setVisible(EXISTING_LIST.equals(target.getValue()));
        newListName.setVisible(NEW_LIST.equals(target.getValue()));
    }

    /** Why the options cannot be used as they are, or null. */
    @Nullable
    String problem() {
        existingList.setInvalid(false);
        newListName.setInvalid(false);
        if (!mayFillLists || NO_LIST.equals(target.getValue())) {
            return null;
        }
        if (EXISTING_LIST.equals(target.getValue())) {
            if (existingList.getValue() == null) {
                existingList.setErrorMessage("Choose a list");
                existingList.setInvalid(true);
                return "Choose the list to add the contacts to.";
            }
            return null;
        }
        String name = newListName.getValue().strip();
        String refused = name.isEmpty() ? "Enter a name for the new list"
                : lists.choices().stream().anyMatch(l -> l.name().equalsIgnoreCase(name))
                ? "A list with this name already exists" : null;
        if (refused != null) {
            newListName.setErrorMessage(refused);
            newListName.setInvalid(true);
        }
        return refused == null ? null : refused + ".";
    }

    ImportOptions options() {
        UserSummary chosenOwner = owner.getValue();
        return new ImportOptions(existing.getValue(), chosenOwner == null ? null : chosenOwner.id(), listTarget());
    }

    private ListTarget listTarget() {
        if (!mayFillLists || NO_LIST.equals(target.getValue())) {
            return ListTarget.NONE;
        }
        if (EXISTING_LIST.equals(target.getValue())) {
            return ListTarget.existing(existingList.getValue().id());
        }
        return ListTarget.newList(newListName.getValue().strip(), null);
    }
}
