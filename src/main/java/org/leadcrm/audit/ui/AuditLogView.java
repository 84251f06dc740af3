package org.leadcrm.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.Dates;
import org.leadcrm.audit.AuditFilter;
import org.leadcrm.audit.AuditEvent;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.audit.AuditRecord;
import org.leadcrm.audit.AuditService;
import org.leadcrm.security.Role;

/** The audit log, newest first, for Administrators. Read-only: entries cannot be changed here. */
@Route("audit")
@PageTitle("Audit log · LeadCRM")
@Menu(order = 9, icon = "CLIPBOARD_TEXT", title = "Audit log")
@RolesAllowed(Role.Names.ADMIN)
class AuditLogView extends VerticalLayout {

    final Grid<AuditRecord> grid = new Grid<>(AuditRecord.class, false);
    final ComboBox<AuditOperation> operation = new ComboBox<>("Operation");
    final ComboBox<String> user = new ComboBox<>("User");

    AuditLogView(AuditService audit, Dates dates) {
        addClassName("audit-view");
        setSizeFull();
        operation.setItems(AuditOperation.values());
        operation.setItemLabelGenerator(AuditOperation::label);
        operation.setClearButtonVisible(true);
        operation.setPlaceholder("Any");
        operation.setWidth("20rem");
        user.setItems(audit.usernames());
        user.setClearButtonVisible(true);
        user.setPlaceholder("Anyone");
        operation.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        user.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> dates.dateTime(r.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditRecord::username).setHeader("Who").setAutoWidth(true);
        grid.addColumn(r -> r.event().operation().label()).setHeader("Operation").setAutoWidth(true);
        grid.addColumn(r -> r.event().listName() == null ? "" : r.event().listName()).setHeader("List").setWidth("14rem").setFlexGrow(3);
        grid.addColumn(r -> r.event().subject() == null ? "" : r.event().subject()).setHeader("Details").setWidth("14rem").setFlexGrow(3);
        grid.addColumn(r -> r.event().targetUsername() == null ? "" : r.event().targetUsername()).setHeader("Account").setAutoWidth(true);
        // One column of the counts an entry has, so that the log fits a laptop screen.
        grid.addColumn(r -> counts(r.event())).setHeader("Counts").setWidth("16rem").setFlexGrow(2);
        grid.setItems(query -> audit.find(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) audit.count(filter()));

        HorizontalLayout filters = new HorizontalLayout(operation, user);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph note = new Paragraph("Every destructive operation, every import and every export is recorded here with its counts, "
                + "every account locked after failed sign-ins or unlocked, and every change to a user. "
                + "Entries hold no personal data of deleted contacts and cannot be edited or deleted.");
        note.addClassName("hint");
        add(new H2("Audit log"), note, filters, grid);
        setFlexGrow(1, grid);
    }

    private AuditFilter filter() {
        return new AuditFilter(operation.getValue(), user.getValue());
    }


    /** "2,679 contacts · 133 synced kept · 117 opportunities deleted": the counts that are not zero. */
    static String counts(AuditEvent event) {
        if (event.operation() == AuditOperation.EXPORT_CONTACTS) {
            // An export has one count, the rows of its file, and none is worth saying too.
            return Counts.of(event.contactsAffected(), "row exported", "rows exported");
        }
        List<String> parts = new ArrayList<>();
        addIfAny(parts, event.contactsAffected(), "contact", "contacts");
        addIfAny(parts, event.contactsAdded(), "added", "added");
        addIfAny(parts, event.contactsKept(), "synced kept", "synced kept");
        addIfAny(parts, event.opportunitiesDeleted(), "opportunity deleted", "opportunities deleted");
        addIfAny(parts, event.exclusionsRemoved(), "exclusion removed", "exclusions removed");
        addIfAny(parts, event.exclusionsAdded(), "exclusion added", "exclusions added");
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    private static void addIfAny(List<String> parts, long count, String singular, String plural) {
        if (count != 0) {
            parts.add(Counts.of(count, singular, plural));
        }
    }
}
