package org.leadcrm.demo;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.list.ListRules;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo lists: manual ones of the kind marketing keeps (one with about 2,000 members) and
 * rule-based ones, some with exclusions. Membership is filled with set-based SQL; a rule-based
 * list gets exactly what a rebuild would give it, because its rules go through the same
 * {@link ContactCondition} as in the list service.
 */
@Component
class DemoLists {

    static final int COUNT = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    DemoLists(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    SeededLists create(DemoTeam team) {
        String marketing = team.marketing().username();
        String manager = team.manager().username();
        int members = 0;
        int exclusions = 0;

        long webinar = insert("Webinar attendees 2026",
                "Registered for and attended a session of the spring 2026 product webinar series.", marketing, 20, null);
        members += addMembers(webinar, "MANUAL", "mod(c.id, 5) in (1, 3)", new MapSqlParameterSource());

        long newsletter = insert("Newsletter subscribers",
                "Opted in to the monthly newsletter. Those who unsubscribed are excluded.", marketing, 400, null);
        exclusions += exclude(newsletter, "mod(c.id, 97) = 0");
        members += addMembers(newsletter, "MANUAL", "mod(c.id, 3) = 0", new MapSqlParameterSource());

        long tradeShow = insert("SaaStr Europe 2025 booth visitors",
                "Badge scans from our booth. Competitors and students are excluded.", marketing, 190, null);
        exclusions += exclude(tradeShow, "mod(c.id, 17) = 0 and c.status = 'UNQUALIFIED'");
        members += addMembers(tradeShow, "MANUAL", "mod(c.id, 17) = 0", new MapSqlParameterSource());

        long board = insert("Customer advisory board",
                "Customers invited to the quarterly customer advisory board.", manager, 120, null);
        members += addMembers(board, "MANUAL", "c.status = 'CUSTOMER' and c.lead_score >= 95", new MapSqlParameterSource());

        ListRules inGermany = rules(null, "Germany", null, null, null);
        long germany = insert("Germany", "Every contact in Germany, and a few Austrian partners added by hand.",
                marketing, 300, inGermany);
        exclusions += exclude(germany, "c.country = 'Germany' and mod(c.id, 25) = 0");
        members += applyRules(germany, inGermany);
        // hand-added members of a rule-based list stay through rebuilds
        members += addMembers(germany, "MANUAL", "c.country = 'Austria' and c.lead_score >= 85",
                new MapSqlParameterSource());

        ListRules hot = rules(ContactStatus.LEAD, null, null, 70, null);
        long hotLeads = insert("Hot leads", "Leads scoring 70 or more: call them this week.", marketing, 60, hot);
        exclusions += exclude(hotLeads, "c.status = 'LEAD' and c.lead_score >= 70 and mod(c.id, 19) = 0");
        members += applyRules(hotLeads, hot);

        ListRules readyForProposal = rules(ContactStatus.QUALIFIED, null, null, 80, null);
        members += applyRules(insert("Qualified, score 80+",
                "Qualified contacts scoring 80 or more, ready for a proposal.", manager, 90, readyForProposal),
                readyForProposal);

        ListRules ukCustomers = rules(ContactStatus.CUSTOMER, "United Kingdom", null, null, null);
        members += applyRules(insert("UK customers", "Customers in the United Kingdom, for the London user group.",
                manager, 250, ukCustomers), ukCustomers);

        String salesName = team.sales().displayName();
        ListRules followUps = rules(ContactStatus.CONTACTED, null, team.sales().id(), null, null);
        members += applyRules(insert("Follow-ups: " + salesName,
                "Contacted leads of " + salesName + " waiting for a follow-up call.", manager, 30, followUps), followUps);

        ListRules recent = rules(null, null, null, null, LocalDate.now(clock).minusDays(90));
        members += applyRules(insert("New this quarter", "Contacts created in the last 90 days.", marketing, 5, recent),
                recent);

        return new SeededLists(COUNT, members, exclusions);
    }

    private static ListRules rules(@Nullable ContactStatus status, @Nullable String country, @Nullable Long ownerId,
            @Nullable Integer minScore, @Nullable LocalDate createdFrom) {
        return new ListRules(null, null, country, status, ownerId, minScore, null, createdFrom, null);
    }

    /** Inserts a list: manual without rules, rule-based with them. */
    private long insert(String name, String description, String createdBy, int daysAgo, @Nullable ListRules rules) {
        ListRules r = rules == null ? ListRules.NONE : rules;
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("name", name)
                .addValue("nameKey", name.strip().toLowerCase(Locale.ROOT))
                .addValue("description", description)
                .addValue("manual", rules == null)
                .addValue("company", r.company(), Types.VARCHAR)
                .addValue("city", r.city(), Types.VARCHAR)
                .addValue("country", r.country(), Types.VARCHAR)
                .addValue("status", r.status() == null ? null : r.status().name(), Types.VARCHAR)
                .addValue("ownerId", r.ownerId(), Types.BIGINT)
                .addValue("minScore", r.minScore(), Types.INTEGER)
                .addValue("maxScore", r.maxScore(), Types.INTEGER)
                .addValue("createdFrom", r.createdFrom(), Types.DATE)
                .addValue("createdTo", r.createdTo(), Types.DATE)
                .addValue("createdBy", createdBy)
                .addValue("createdAt", Timestamp.from(clock.instant().minus(Duration.ofDays(daysAgo))));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into contact_list (name, name_key, description, manual, rule_company, rule_city, rule_country,
                    rule_status, rule_owner_id, rule_min_score, rule_max_score, rule_created_from, rule_created_to,
                    created_by, created_at)
                values (:name, :nameKey, :description, :manual, :company, :city, :country,
                    :status, :ownerId, :minScore, :maxScore, :createdFrom, :createdTo,
                    :createdBy, :createdAt)
                """, params, key, new String[] {"id"});
        return key.getKeyAs(Long.class);
    }

    private int applyRules(long listId, ListRules rules) {
        ContactCondition condition = ContactCondition.of(rules.asFilter(), clock.getZone());
        return addMembers(listId, "RULE", condition.sql(), condition.params());
    }

    /** Run before a list's members are added, so that the member statements skip the excluded. */
    private int exclude(long listId, String condition) {
        return jdbc.update("""
                insert into list_exclusion (list_id, contact_id, created_at)
                select :list, c.id, :now from contact c where %s
                """.formatted(condition), new MapSqlParameterSource("list", listId)
                .addValue("now", Timestamp.from(clock.instant())));
    }

    private int addMembers(long listId, String source, String condition, MapSqlParameterSource params) {
        params.addValue("list", listId).addValue("now", Timestamp.from(clock.instant()));
        return jdbc.update("""
                insert into list_member (list_id, contact_id, source, added_at)
                select :list, c.id, '%s', :now from contact c
                where %s
                and not exists (select 1 from list_member m where m.list_id = :list and m.contact_id = c.id)
                and not exists (select 1 from list_exclusion e where e.list_id = :list and e.contact_id = c.id)
                """.formatted(source, condition), params);
    }
}
