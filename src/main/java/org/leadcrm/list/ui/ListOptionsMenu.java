package org.leadcrm.list.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.CountConfirmDialog;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.deletion.DeletionPreview;
import org.leadcrm.export.ui.ExportLinks;
import org.leadcrm.list.ListDeletionPreview;
import org.leadcrm.list.ListOperationResult;
import org.leadcrm.list.ListOptionsService;
import org.leadcrm.list.ListSummary;

/**
 * A list's Options menu with exactly the five items of PRODUCT.md. Only roles that may use them
 * get the menu at all (the service refuses everyone else regardless).
 */
class ListOptionsMenu extends MenuBar {

    static final String REMOVE_ALL = "Remove All Contacts";
    static final String REMOVE_ALL_KEEP = "Remove All Contacts (Keep Exclusions)";
    static final String DELETE_ALL = "Permanently Delete All Contacts";
    static final String DELETE_ALL_AND_LIST = "Permanently Delete All Contacts and List";
    static final String DELETE_LIST = "Delete List";

    private final ListSummary list;
    private final ListOptionsService service;
    private final BackgroundOperation background;
    private final ExportLinks exports;
    private final Runnable onListChanged;
    private final Runnable onListDeleted;

    /**
     * @param onListChanged told after an operation that kept the list
     * @param onListDeleted told after an operation that deleted the list
     */
    ListOptionsMenu(ListSummary list, ListOptionsService service, BackgroundOperation background, ExportLinks exports,
            Runnable onListChanged, Runnable onListDeleted) {
        this.list = list;
        this.service = service;
        this.background = background;
        this.exports = exports;
        this.onListChanged = onListChanged;
        this.onListDeleted = onListDeleted;
        addClassName("list-options");
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        MenuItem options = addItem("Options");
        options.add(VaadinIcon.ANGLE_DOWN.create());
        options.getElement().setAttribute("aria-label", "Options for " + list.name());
        // The menu bar's own button is what screen readers focus.
        getElement().setAttribute("aria-label", "Options for " + list.name());
        SubMenu items = options.getSubMenu();
        items.addItem(REMOVE_ALL, e -> confirmRemoveAll(false));
        items.addItem(REMOVE_ALL_KEEP, e -> confirmRemoveAll(true));
        items.addItem(DELETE_ALL, e -> confirmDelete(false)).addClassName("danger");
        items.addItem(DELETE_ALL_AND_LIST, e -> confirmDelete(true)).addClassName("danger");
        items.addItem(DELETE_LIST, e -> confirmDeleteList());
    }

    private void confirmRemoveAll(boolean keepExclusions) {
        String whatStays = keepExclusions
                ? "Every contact stays in LeadCRM, and the list keeps its exclusions."
                : "Every contact stays in LeadCRM. The list's exclusions are cleared too.";
        String rebuildNote = list.manual() ? null
                : "This is a rule-based list: contacts that still match its rules come back at the next rebuild"
                        + (keepExclusions ? " unless excluded." : ".");
        String[] text = rebuildNote == null
                ? new String[] {"All " + Counts.number(list.memberCount()) + " members leave \"" + list.name() + "\".", whatStays}
                : new String[] {"All " + Counts.number(list.memberCount()) + " members leave \"" + list.name() + "\".", whatStays, rebuildNote};
        new ConfirmDialog(keepExclusions ? REMOVE_ALL_KEEP + "?" : REMOVE_ALL + "?", "Remove all", () ->
                background.run(list.memberCount(), "Removing all contacts from " + list.name(),
                        progress -> service.removeAllContacts(list.id(), keepExclusions, progress),
                        result -> {
                            Notifications.success("Removed " + Counts.of(result.membersRemoved(), "contact", "contacts")
                                    + " from " + list.name()
                                    + (keepExclusions ? "; exclusions kept." : "; cleared "
                                    + Counts.of(result.exclusionsRemoved(), "exclusion", "exclusions") + "."));
                            onListChanged.run();
                        }), text).open();
    }

    private void confirmDelete(boolean alsoDeleteList) {
        CountConfirmDialog.Wording wording = new CountConfirmDialog.Wording(
                alsoDeleteList ? DELETE_ALL_AND_LIST + "?" : DELETE_ALL + "?",
                "This permanently deletes the contacts of \"" + list.name() + "\" from the whole system. "
                        + "It cannot be undone.",
                "Contacts in the list",
                "Type the number of contacts in this list to confirm",
                "That is not the number of contacts in this list.",
                alsoDeleteList ? "The list is deleted afterwards, with its exclusions."
                        : "The list stays, empty but for its synced members.");
        // The service deletes only if the list still has the members counted here: same
        // membership version, same number.
        CountConfirmDialog<ListDeletionPreview> dialog = new CountConfirmDialog<>(wording, (shown, typed) ->
                background.run(typed, "Deleting the contacts of " + list.name(),
                        progress -> service.deleteAllContacts(list.id(), typed, shown.memberVersion(), alsoDeleteList,
                                progress),
                        result -> {
                            Notifications.success(deletedMessage(result, alsoDeleteList));
                            (alsoDeleteList ? onListDeleted : onListChanged).run();
                        }));
        if (exports.allowed()) {
            dialog.offerDownload(exports.list(list.id(), list.name(), CountConfirmDialog.DOWNLOAD_FIRST,
                    "A CSV file of the list's members as they are now"));
        }
        dialog.open();
        // Counting can take a while on a large list: the dialog is open meanwhile, and Cancel works.
        background.load(() -> service.previewDeletion(list.id()),
                shown -> dialog.showCounts(shown, figures(shown.preview())), dialog::showFailure);
    }

    private static CountConfirmDialog.Figures figures(DeletionPreview preview) {
        return new CountConfirmDialog.Figures(preview.selected(), preview.synced(), preview.deletable(),
                preview.opportunitiesDeleted());
    }

    private void confirmDeleteList() {
        new ConfirmDialog(DELETE_LIST + "?", "Delete list", () ->
                background.run(list.memberCount(), "Deleting " + list.name(),
                        progress -> service.deleteList(list.id(), progress),
                        result -> {
                            Notifications.success("Deleted the list " + list.name() + ". Its "
                                    + Counts.of(result.membersRemoved(), "contact stays", "contacts stay") + " in LeadCRM.");
                            onListDeleted.run();
                        }),
                "The list \"" + list.name() + "\" is deleted with its memberships and exclusions.",
                "Every contact stays in LeadCRM.").open();
    }

    private String deletedMessage(ListOperationResult result, boolean listDeleted) {
        return "Deleted " + Counts.of(result.contactsDeleted(), "contact", "contacts") + ", kept "
                + Counts.number(result.syncedKept()) + " synced, deleted "
                + Counts.of(result.opportunitiesDeleted(), "opportunity", "opportunities")
                + (listDeleted ? ", and the list " + list.name() + "." : ".");
    }
}
