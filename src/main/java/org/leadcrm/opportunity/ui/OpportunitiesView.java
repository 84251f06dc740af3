package org.leadcrm.opportunity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.base.ui.GridSort;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.base.ui.SearchFields;
import org.leadcrm.contact.ContactService;
import org.leadcrm.opportunity.OpportunityDetails;
import org.leadcrm.opportunity.OpportunityDraft;
import org.leadcrm.opportunity.OpportunityFilter;
import org.leadcrm.opportunity.OpportunityRow;
import org.leadcrm.opportunity.OpportunityService;
import org.leadcrm.opportunity.OpportunitySort;
import org.leadcrm.opportunity.OpportunityStage;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Permission;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserService;
import org.leadcrm.security.UserSummary;

/**
 * The Opportunities view: every opportunity the user may see (a Salesperson or Jr. Salesperson
 * their own), paged, sorted and filtered by the database, with a form to create and edit them.
 * {@code opportunities/<id>} opens one in its form.
 */
@Route("opportunities")
@PageTitle("Opportunities · LeadCRM")
@Menu(order = 3, icon = "DOLLAR", title = "Opportunities")
@PermitAll
class OpportunitiesView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final DateTimeFormatter CLOSE_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.US);

    final Grid<OpportunityRow> grid = new Grid<>(OpportunityRow.class, false);
    final TextField search = new TextField();
    final ComboBox<OpportunityStage> stage = new ComboBox<>("Stage");
    final ComboBox<UserSummary> owner = new ComboBox<>("Owner");
    final Span matchCount = new Span();
    final Button newOpportunity = new Button("New opportunity", VaadinIcon.PLUS.create());

    private final OpportunityService opportunities;
    private final ContactService contacts;
    private final UserService users;
    private final CurrentUser currentUser;
    private OpportunityFilter filter = OpportunityFilter.ALL;
    private long matching;

    OpportunitiesView(OpportunityService opportunities, ContactService contacts, UserService users, CurrentUser currentUser) {
        this.opportunities = opportunities;
        this.contacts = contacts;
        this.users = users;
        this.currentUser = currentUser;
        addClassName("opportunities-view");
        setSizeFull();

        configureFilters();
        configureGrid();
        newOpportunity.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newOpportunity.addClickListener(e -> openNew());

        HorizontalLayout heading = new HorizontalLayout(new H2("Opportunities"), matchCount, newOpportunity);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.addClassName("view-heading");
        matchCount.addClassName("match-count");
        HorizontalLayout filters = new HorizontalLayout(search, stage, owner);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("filter-bar");
        add(heading, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long opportunityId) {
        if (opportunityId != null) {
            openEdit(opportunityId);
        }
    }

    private void configureFilters() {
        SearchFields.configure(search, "Search by name", "Search opportunities");
        search.addValueChangeListener(e -> applyFilter(filter.withSearch(e.getValue())));
        stage.setItems(OpportunityStage.values());
        stage.setItemLabelGenerator(OpportunityStage::label);
        stage.setClearButtonVisible(true);
        stage.setPlaceholder("Any");
        stage.addValueChangeListener(e -> applyFilter(filter.withStage(e.getValue())));
        owner.setItems(users.listUsers());
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder("Anyone");
        owner.addValueChangeListener(e -> applyFilter(filter.withOwnerId(e.getValue() == null ? null : e.getValue().id())));
        // A Salesperson or Jr. Salesperson sees only their own; an owner filter would only confuse.
        owner.setVisible(!ownOnly());
    }

    private void configureGrid() {
        NumberFormat money = NumberFormat.getCurrencyInstance(Locale.US);
        grid.addClassName("opportunity-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(false);
        grid.addColumn(OpportunityRow::name).setHeader("Name").setKey("name")
                .setSortProperty(OpportunitySort.NAME.name()).setFlexGrow(3);
        grid.addColumn(row -> row.stage().label()).setHeader("Stage").setKey("stage")
                .setSortProperty(OpportunitySort.STAGE.name()).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(row -> money.format(row.amount())).setHeader("Amount").setKey("amount")
                .setSortProperty(OpportunitySort.AMOUNT.name()).setTextAlign(ColumnTextAlign.END).setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(row -> row.closeDate() == null ? "" : CLOSE_DATE.format(row.closeDate())).setHeader("Close date")
                .setKey("closeDate").setSortProperty(OpportunitySort.CLOSE_DATE.name()).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(OpportunityRow::ownerName).setHeader("Owner").setKey("owner").setFlexGrow(2);
        grid.addColumn(OpportunityRow::leadCount).setHeader("Leads").setKey("leads").setTextAlign(ColumnTextAlign.END)
                .setWidth("5rem").setFlexGrow(0);
        grid.addColumn(OpportunityRow::firstLeadName).setHeader("First lead").setKey("firstLead").setFlexGrow(2);
        if (currentUser.has(Permission.DELETE_OPPORTUNITIES)) {
            grid.addComponentColumn(this::deleteButton).setHeader("").setKey("actions").setWidth("3.5rem").setFlexGrow(0);
        }
        grid.setItems(query -> {
            GridSort<OpportunitySort> sort = GridSort.of(query, OpportunitySort.class, OpportunitySort.NAME);
            return opportunities.find(filter, sort.column(), sort.ascending(), query.getOffset(), query.getLimit()).stream();
        }, query -> (int) Math.min(matching, Integer.MAX_VALUE));
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null && !"actions".equals(e.getColumn().getKey())) {
                openEdit(e.getItem().id());
            }
        });
    }

    private Component deleteButton(OpportunityRow row) {
        Button delete = new Button(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_ICON);
        delete.setAriaLabel("Delete " + row.name());
        delete.setTooltipText("Delete " + row.name());
        delete.addClickListener(e -> opportunities.details(row.id()).ifPresentOrElse(
                details -> new DeleteOpportunityDialog(details, opportunities, this::refresh).open(),
                this::refreshGone));
        return delete;
    }

    private boolean ownOnly() {
        return currentUser.is(Role.SALESPERSON) || currentUser.is(Role.JR_SALESPERSON);
    }

    private List<UserSummary> owners() {
        return ownOnly() ? List.of() : users.listUsers();
    }

    private void applyFilter(OpportunityFilter newFilter) {
        filter = newFilter;
        refresh();
    }

    void refresh() {
        matching = opportunities.count(filter);
        matchCount.setText(Counts.of(matching, "opportunity", "opportunities")
                + (filter.equals(OpportunityFilter.ALL) ? "" : " matching"));
        grid.getDataProvider().refreshAll();
    }

    private void refreshGone() {
        Notifications.error("This opportunity no longer exists, or you may not see it.");
        refresh();
    }

    private void openNew() {
        Long me = currentUser.summary().map(UserSummary::id).orElse(null);
        OpportunityDraft initial = OpportunityDraft.of("", BigDecimal.ZERO, Set.of()).withOwnerId(me);
        new OpportunityFormDialog(null, initial, owners(), contacts, opportunities::create, () -> {
            Notifications.success("Opportunity created.");
            refresh();
        }).open();
    }

    private void openEdit(long id) {
        opportunities.details(id).ifPresentOrElse(details -> openEdit(details), this::refreshGone);
    }

    private void openEdit(OpportunityDetails details) {
        new OpportunityFormDialog(details, details.fields(), owners(), contacts,
                draft -> opportunities.update(details.id(), details.version(), draft), () -> {
                    Notifications.success("Saved " + details.fields().name() + ".");
                    refresh();
                }).open();
    }
}
