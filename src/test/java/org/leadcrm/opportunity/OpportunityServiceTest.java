package org.leadcrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadcrm.audit.AuditFilter;
import org.leadcrm.audit.AuditOperation;
import org.leadcrm.audit.AuditService;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.security.Role;
import org.leadcrm.security.UserSummary;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Opportunities as PRODUCT.md says (section "Opportunities" and the roles table), on both databases. */
class OpportunityServiceTest extends IntegrationTest {

    private final OpportunityService opportunities;
    private final AuditService audit;
    private final NamedParameterJdbcTemplate jdbc;
    private UserSummary sam;
    private UserSummary jr;
    private long ada;
    private long alan;
    private long grace;

    OpportunityServiceTest(TestData data, OpportunityService opportunities, AuditService audit, NamedParameterJdbcTemplate jdbc) {
        super(data);
        this.opportunities = opportunities;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void threeLeads() {
        sam = data.user("sam", Role.SALESPERSON);
        jr = data.user("jr", Role.JR_SALESPERSON);
        ada = data.contact().name("Ada", "Lovelace").owner(jr.id()).create();
        alan = data.contact().name("Alan", "Turing").owner(sam.id()).create();
        grace = data.contact().name("Grace", "Hopper").create();
    }

    private long deal(String name, String amount, OpportunityStage stage, UserSummary owner, Long... leads) {
        long id = data.opportunity(name, leads);
        jdbc.getJdbcTemplate().update("update opportunity set amount = ?, stage = ?, owner_id = ? where id = ?",
                new BigDecimal(amount), stage.name(), owner == null ? null : owner.id(), id);
        return id;
    }

    @Test
    void the_grid_filters_by_stage_owner_and_name_and_sorts_and_pages_in_the_database() {
        deal("Analytical Engine", "5000", OpportunityStage.PROPOSAL, jr, ada, alan);
        deal("Bombe", "900", OpportunityStage.WON, sam, alan);
        deal("Compiler", "12000", OpportunityStage.PROPOSAL, sam, grace);
        signIn(Role.SALES_MANAGER);

        List<OpportunityRow> byAmount = opportunities.find(OpportunityFilter.ALL, OpportunitySort.AMOUNT, false, 0, 10);
        assertThat(byAmount).extracting(OpportunityRow::name).containsExactly("Compiler", "Analytical Engine", "Bombe");
        assertThat(opportunities.find(OpportunityFilter.ALL, OpportunitySort.AMOUNT, false, 1, 1))
                .extracting(OpportunityRow::name).containsExactly("Analytical Engine");
        OpportunityRow engine = byAmount.get(1);
        assertThat(engine.leadCount()).isEqualTo(2);
        assertThat(engine.firstLeadName()).isEqualTo("Ada Lovelace");
        assertThat(engine.ownerName()).isEqualTo(jr.displayName());
        assertThat(names(OpportunityFilter.ALL.withStage(OpportunityStage.PROPOSAL))).containsExactly("Analytical Engine", "Compiler");
        assertThat(names(OpportunityFilter.ALL.withOwnerId(sam.id()))).containsExactly("Bombe", "Compiler");
        assertThat(names(OpportunityFilter.ALL.withSearch("bo"))).containsExactly("Bombe");
        assertThat(names(OpportunityFilter.ALL.withSearch("%"))).isEmpty();
        assertThat(opportunities.count(OpportunityFilter.ALL.withStage(OpportunityStage.PROPOSAL))).isEqualTo(2);
    }

    private List<String> names(OpportunityFilter filter) {
        return opportunities.find(filter, OpportunitySort.NAME, true, 0, 100).stream().map(OpportunityRow::name).toList();
    }

    @Test
    void a_salesperson_sees_only_their_own_and_a_jr_salesperson_counts_only_the_leads_they_may_see() {
        deal("Analytical Engine", "5000", OpportunityStage.PROPOSAL, jr, alan, ada);
        deal("Bombe", "900", OpportunityStage.WON, sam, alan);

        signIn("sam", Role.SALESPERSON);
        assertThat(names(OpportunityFilter.ALL)).containsExactly("Bombe");
        assertThat(opportunities.count(OpportunityFilter.ALL)).isEqualTo(1);
        assertThat(opportunities.ofContact(alan)).extracting(OpportunityRow::name).containsExactly("Bombe");

        signIn("jr", Role.JR_SALESPERSON);
        List<OpportunityRow> mine = opportunities.find(OpportunityFilter.ALL, OpportunitySort.NAME, true, 0, 10);
        assertThat(mine).extracting(OpportunityRow::name).containsExactly("Analytical Engine");
        assertThat(mine.get(0).leadCount()).as("Alan is Sam's contact").isEqualTo(1);
        assertThat(mine.get(0).firstLeadName()).isEqualTo("Ada Lovelace");

        signIn(Role.MARKETING_MANAGER);
        assertThat(opportunities.ofContact(alan)).extracting(OpportunityRow::name)
                .containsExactly("Analytical Engine", "Bombe");
    }

    @Test
    void an_opportunity_needs_a_lead_a_name_and_an_amount_of_at_least_zero_with_two_decimals() {
        signIn(Role.ADMIN);

        assertThatThrownBy(() -> opportunities.create(OpportunityDraft.of("Deal", BigDecimal.ONE, Set.of())))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("Choose at least one lead.");
        assertThatThrownBy(() -> opportunities.create(OpportunityDraft.of(" ", BigDecimal.ONE, Set.of(ada))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("Enter a name.");
        assertThatThrownBy(() -> opportunities.create(OpportunityDraft.of("Deal", new BigDecimal("-0.01"), Set.of(ada))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> opportunities.create(OpportunityDraft.of("Deal", new BigDecimal("1.005"), Set.of(ada))))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("two decimals");
        assertThat(data.count("opportunity")).isZero();
    }

    @Test
    void a_salesperson_s_new_opportunity_is_their_own_and_its_leads_must_be_contacts_they_may_see() {
        signIn("jr", Role.JR_SALESPERSON);

        assertThatThrownBy(() -> opportunities.create(OpportunityDraft.of("Deal", BigDecimal.TEN, Set.of(ada, alan))))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("may not see");
        long id = opportunities.create(OpportunityDraft.of("Deal", new BigDecimal("10.50"), Set.of(ada)).withOwnerId(sam.id()));

        OpportunityDetails saved = opportunities.details(id).orElseThrow();
        assertThat(saved.ownerName()).isEqualTo(jr.displayName());
        assertThat(saved.fields().amount()).isEqualByComparingTo("10.50");
        assertThat(saved.leads()).extracting(OpportunityDetails.Lead::name).containsExactly("Ada Lovelace");
    }

    @Test
    void a_jr_salesperson_s_save_keeps_the_leads_they_may_not_see() {
        long id = deal("Analytical Engine", "5000", OpportunityStage.PROPOSAL, jr, ada, alan);
        signIn("jr", Role.JR_SALESPERSON);
        OpportunityDetails opened = opportunities.details(id).orElseThrow();
        assertThat(opened.fields().leadIds()).containsExactly(ada);

        opportunities.update(id, opened.version(), opened.fields().withStage(OpportunityStage.NEGOTIATION));

        assertThat(data.opportunityLeads(id)).containsExactlyInAnyOrder(ada, alan);
    }

    @Test
    void a_save_from_a_version_changed_since_is_refused() {
        long id = deal("Bombe", "900", OpportunityStage.PROPOSAL, sam, alan);
        signIn(Role.COMPANY_MANAGER);
        OpportunityDetails opened = opportunities.details(id).orElseThrow();
        opportunities.update(id, opened.version(), opened.fields().withStage(OpportunityStage.WON));

        assertThatThrownBy(() -> opportunities.update(id, opened.version(), opened.fields().withStage(OpportunityStage.LOST)))
                .isInstanceOf(StaleOpportunityException.class);
        assertThat(opportunities.details(id).orElseThrow().fields().stage()).isEqualTo(OpportunityStage.WON);
    }

    @Test
    void deleting_an_opportunity_keeps_its_leads_is_audited_and_is_refused_to_a_salesperson() {
        long id = deal("Bombe", "900", OpportunityStage.PROPOSAL, sam, alan);
        signIn("sam", Role.SALESPERSON);
        assertThatThrownBy(() -> opportunities.delete(id)).isInstanceOf(AccessDeniedException.class);

        signIn(Role.COMPANY_MANAGER);
        opportunities.delete(id);

        assertThat(data.opportunityExists(id)).isFalse();
        assertThat(data.contactExists(alan)).isTrue();
        signIn(Role.ADMIN);
        assertThat(audit.find(AuditFilter.ALL, 0, 10)).anySatisfy(entry -> {
            assertThat(entry.event().operation()).isEqualTo(AuditOperation.DELETE_OPPORTUNITY);
            assertThat(entry.event().subject()).isEqualTo("Bombe");
        });
    }
}
