package org.leadcrm.opportunity.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadcrm.base.ui.KaribuTest;
import org.leadcrm.opportunity.OpportunityDetails.Lead;
import org.leadcrm.opportunity.OpportunityRow;
import org.leadcrm.opportunity.OpportunityStage;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.TestData;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Opportunities view and its form (PRODUCT.md, "Opportunities"). */
class OpportunityFlowTest extends KaribuTest {

    private UserSummary sam;
    private long ada;
    private long alan;
    private long samsDeal;

    OpportunityFlowTest(TestData data, ApplicationContext context) {
        super(data, context);
    }

    @BeforeEach
    void twoDeals() {
        sam = data.user(Role.SALESPERSON);
        UserSummary other = data.user("other", Role.SALESPERSON);
        ada = data.contact().name("Ada", "Lovelace").email("ada@example.com").owner(sam.id()).create();
        alan = data.contact().name("Alan", "Turing").email("alan@example.com").create();
        samsDeal = data.opportunity("Analytical Engine", ada);
        long othersDeal = data.opportunity("Bombe", alan);
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        jdbc.update("update opportunity set owner_id = ? where id = ?", sam.id(), samsDeal);
        jdbc.update("update opportunity set owner_id = ? where id = ?", other.id(), othersDeal);
    }

    private OpportunitiesView open(Role role) {
        signInAs(role);
        UI.getCurrent().navigate(OpportunitiesView.class);
        return _get(OpportunitiesView.class);
    }

    private static List<String> names(OpportunitiesView view) {
        return java.util.stream.IntStream.range(0, _size(view.grid)).mapToObj(i -> _get(view.grid, i).name()).toList();
    }

    @Test
    void a_salesperson_sees_only_their_own_opportunities_with_no_owner_filter_and_no_delete() {
        OpportunitiesView view = open(Role.SALESPERSON);

        assertThat(names(view)).containsExactly("Analytical Engine");
        assertThat(view.owner.isVisible()).isFalse();
        assertThat(view.grid.getColumnByKey("actions")).isNull();
        assertThat(view.matchCount.getText()).isEqualTo("1 opportunity");
    }

    @Test
    void the_grid_filters_by_stage_and_shows_each_deal_s_leads() {
        OpportunitiesView view = open(Role.SALES_MANAGER);
        assertThat(names(view)).containsExactly("Analytical Engine", "Bombe");
        OpportunityRow engine = _get(view.grid, 0);
        assertThat(engine.leadCount()).isEqualTo(1);
        assertThat(engine.firstLeadName()).isEqualTo("Ada Lovelace");

        _setValue(view.stage, OpportunityStage.WON);

        assertThat(names(view)).isEmpty();
        assertThat(view.matchCount.getText()).isEqualTo("0 opportunities matching");
    }

    @Test
    void a_new_opportunity_says_what_is_missing_by_field_then_is_saved_with_its_lead() {
        OpportunitiesView view = open(Role.MARKETING_MANAGER);
        _click(view.newOpportunity);
        OpportunityFormDialog form = _get(OpportunityFormDialog.class);
        _setValue(form.amount, new BigDecimal("-5"));

        _click(form.save);

        assertThat(form.name.getErrorMessage()).isEqualTo("Enter a name.");
        assertThat(form.amount.getErrorMessage()).isEqualTo("The amount cannot be negative.");
        assertThat(form.leads.getErrorMessage()).isEqualTo("Choose at least one lead.");
        assertThat(form.isOpened()).isTrue();

        _setValue(form.name, "Difference Engine");
        _setValue(form.amount, new BigDecimal("2500.50"));
        _setValue(form.stage, OpportunityStage.PROPOSAL);
        _setValue(form.leads, Set.of(new Lead(alan, "Alan Turing", "alan@example.com")));
        _click(form.save);

        assertThat(names(view)).contains("Difference Engine");
        assertThat(_find(OpportunityFormDialog.class)).isEmpty();
    }

    @Test
    void the_lead_picker_offers_only_contacts_a_jr_salesperson_may_see() {
        UserSummary jr = data.user(Role.JR_SALESPERSON);
        data.contact().name("Grace", "Hopper").email("grace@example.com").owner(jr.id()).create();
        OpportunitiesView view = open(Role.JR_SALESPERSON);
        _click(view.newOpportunity);
        OpportunityFormDialog form = _get(OpportunityFormDialog.class);

        @SuppressWarnings("unchecked")
        DataProvider<Lead, String> picker = (DataProvider<Lead, String>) form.leads.getDataProvider();
        List<String> offered = picker.fetch(new Query<>(0, 50, List.of(), null, "")).map(Lead::name).toList();

        assertThat(offered).containsExactly("Grace Hopper");
        assertThat(form.owner.isVisible()).isFalse();
    }

    @Test
    void a_click_on_a_row_opens_its_form_with_its_leads_linked_and_saves_a_change() {
        OpportunitiesView view = open(Role.COMPANY_MANAGER);
        _clickItem(view.grid, 0, "name");
        OpportunityFormDialog form = _get(OpportunityFormDialog.class);
        assertThat(form.name.getValue()).isEqualTo("Analytical Engine");
        assertThat(form.leadLinks.getElement().getTextRecursively()).contains("Ada Lovelace");

        _setValue(form.stage, OpportunityStage.NEGOTIATION);
        _click(form.save);

        assertThat(_get(view.grid, 0).stage()).isEqualTo(OpportunityStage.NEGOTIATION);
    }

    @Test
    void a_company_manager_deletes_an_opportunity_and_its_lead_stays() {
        OpportunitiesView view = open(Role.COMPANY_MANAGER);
        _click((Button) _getCellComponent(view.grid, 0, "actions"));

        _click(_get(DeleteOpportunityDialog.class).delete);

        assertThat(data.opportunityExists(samsDeal)).isFalse();
        assertThat(data.contactExists(ada)).isTrue();
        assertThat(names(view)).containsExactly("Bombe");
    }

    @Test
    void an_opportunity_s_address_opens_its_form() {
        signInAs(Role.ADMIN);

        UI.getCurrent().navigate("opportunities/" + samsDeal);

        assertThat(_get(OpportunityFormDialog.class).name.getValue()).isEqualTo("Analytical Engine");
    }
}
