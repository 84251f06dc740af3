package org.leadcrm.imports.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.imports.ImportResult;

/**
 * What an import did, with the rejected rows to download (line, reason, original cells) while the
 * dialog is open; their file is deleted when it closes.
 */
class ImportResultDialog extends Dialog {

    final UnorderedList facts = new UnorderedList();
    final Anchor rejectedRows;
    final Button close = new Button("Close");
    final Button openList = new Button("Open the list");

    private final ImportResult result;

    ImportResultDialog(ImportResult result, String fileName) {
        this.result = result;
        addClassName("import-result");
        setHeaderTitle("Import finished");
        setWidth("32rem");
        setCloseOnOutsideClick(false);

        fact("Rows in " + fileName, result.rows());
        fact("Contacts created", result.created());
        fact("Contacts updated", result.updated());
        fact("Skipped as existing", result.skippedExisting(), result.syncedSkipped() == 0 ? ""
                : " (" + Counts.number(result.syncedSkipped()) + " synced with a CRM, which an import never changes)");
        fact("Rows rejected", result.rejected());
        if (result.listId() != null) {
            fact("Added to " + result.listName(), result.addedToList(), listDetail());
        }
        facts.addClassName("deletion-facts");
        add(facts);

        Path rejected = result.rejectedRows();
        if (rejected != null) {
            rejectedRows = new Anchor(DownloadHandler.forFile(rejected.toFile(), "rejected-rows.csv"),
                    AttachmentType.DOWNLOAD, "Download the " + Counts.of(result.rejected(), "rejected row", "rejected rows")
                    + " as CSV");
            rejectedRows.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
            rejectedRows.addClassName("rejected-rows");
            add(rejectedRows, hint("Each with its line in your file, the reason, and its cells as they were: fix them "
                    + "and import that file again. The download is here until you close this."));
        } else {
            rejectedRows = new Anchor();
            rejectedRows.setVisible(false);
        }

        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.addClickListener(e -> close());
        openList.setVisible(result.listId() != null);
        openList.addClickListener(e -> {
            close();
            UI.getCurrent().navigate("list/" + result.listId());
        });
        getFooter().add(openList, close);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                deleteRejectedRows();
            }
        });
        addDetachListener(e -> deleteRejectedRows());
    }

    private String listDetail() {
        if (result.alreadyOnList() == 0 && result.excludedFromList() == 0) {
            return "";
        }
        return " (" + Counts.number(result.alreadyOnList()) + " already on it, "
                + Counts.number(result.excludedFromList()) + " excluded by it)";
    }

    private void fact(String label, long count) {
        fact(label, count, "");
    }

    private void fact(String label, long count, String detail) {
        facts.add(new ListItem(label + ": " + Counts.number(count) + detail));
    }

    private static Paragraph hint(String text) {
        Paragraph hint = new Paragraph(text);
        hint.addClassName("hint");
        return hint;
    }

    private void deleteRejectedRows() {
        if (result.rejectedRows() != null) {
            try {
                Files.deleteIfExists(result.rejectedRows());
            } catch (IOException ignored) {
                // a temporary file: the JVM deletes it on exit
            }
        }
    }
}
