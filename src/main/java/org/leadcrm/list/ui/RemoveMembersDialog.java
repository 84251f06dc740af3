package org.leadcrm.list.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.DangerDialog;
import org.leadcrm.list.ListSummary;

/**
 * Confirms removing selected members from a list, with the choice to exclude them too. On a
 * rule-based list it says that contacts removed without exclusion come back at the next rebuild,
 * and offers exclusion ticked. Cancel is the default.
 */
class RemoveMembersDialog extends DangerDialog {

    final Checkbox exclude = new Checkbox("and exclude them, so that neither the list's rules nor Bulk Edit add them again");
    final Button remove = new Button("Remove from list");
    final Button cancel = new Button("Cancel");

    private final Paragraph rebuildNote = new Paragraph();

    /** @param onConfirmed told whether the user chose to exclude the members as well */
    RemoveMembersDialog(ListSummary list, long size, boolean allMatching, Consumer<Boolean> onConfirmed) {
        super("Remove " + Counts.of(size, "member", "members") + " from " + list.name() + "?", "remove-members-dialog");
        String who = allMatching
                ? (size == 1 ? "The one member matching the search" : "All " + Counts.number(size) + " members matching the search")
                : (size == 1 ? "The selected member" : "The " + Counts.number(size) + " selected members");
        add(new Paragraph(who + (size == 1 ? " leaves" : " leave") + " \"" + list.name()
                + "\". Every contact stays in LeadCRM."));
        add(exclude);
        rebuildNote.addClassName("rebuild-note");
        if (!list.manual()) {
            add(rebuildNote);
            exclude.setValue(true);
            exclude.addValueChangeListener(e -> explainRebuild());
            explainRebuild();
        }
        remove.addClickListener(e -> {
            close();
            onConfirmed.accept(exclude.getValue());
        });
        footer(remove, cancel);
    }

    private void explainRebuild() {
        rebuildNote.setText(exclude.getValue()
                ? "This is a rule-based list: excluded contacts stay out, whatever its rules say."
                : "This is a rule-based list: contacts that still match its rules come back at the next rebuild "
                        + "unless excluded.");
    }
}
