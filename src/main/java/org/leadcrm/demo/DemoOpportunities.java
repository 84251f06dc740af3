package org.leadcrm.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadcrm.contact.ContactStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo opportunities: deals with one to three contacts, most of them colleagues at one
 * company. About 40% have exactly one lead, so that deleting a lead visibly takes its
 * opportunity with it.
 */
@Component
class DemoOpportunities {

    static final int COUNT = 300;

    private record Deal(String name, BigDecimal amount, String stage, LocalDate closeDate, long ownerId,
            Set<Long> contactIds) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    DemoOpportunities(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    SeededOpportunities create(List<SeededContact> contacts, Random random) {
        List<SeededContact> prospects = contacts.stream().filter(c -> c.status() != ContactStatus.UNQUALIFIED).toList();
        Map<String, List<SeededContact>> byCompany = contacts.stream()
                .collect(Collectors.groupingBy(SeededContact::company, LinkedHashMap::new, Collectors.toList()));
        List<Deal> deals = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT && !prospects.isEmpty(); i++) {
            SeededContact lead = prospects.get(random.nextInt(prospects.size()));
            deals.add(deal(lead, contactsFor(lead, byCompany.get(lead.company()), contacts, random), random));
        }
        return new SeededOpportunities(deals.size(), insert(deals));
    }

    private Deal deal(SeededContact lead, Set<Long> contactIds, Random random) {
        String stage = stage(lead, random);
        LocalDate today = LocalDate.now(clock);
        // closed deals closed in the past year, open ones are expected in the next six months
        LocalDate closeDate = stage.equals("WON") || stage.equals("LOST")
                ? today.minusDays(1 + random.nextInt(365))
                : today.plusDays(7 + random.nextInt(180));
        // log-uniform from about 3,000 to 160,000: many small deals, a few large ones
        long amount = Math.round(Math.exp(8 + random.nextDouble() * 4) / 100) * 100;
        String name = lead.company() + " – " + Vocabulary.DEALS.get(random.nextInt(Vocabulary.DEALS.size()));
        return new Deal(name.length() > 150 ? name.substring(0, 150) : name, BigDecimal.valueOf(amount, 0).setScale(2),
                stage, closeDate, lead.ownerId(), contactIds);
    }

    private static String stage(SeededContact lead, Random random) {
        int percent = random.nextInt(100);
        if (lead.status() == ContactStatus.CUSTOMER && percent < 60) {
            return "WON";
        }
        return percent < 30 ? "PROSPECTING" : percent < 55 ? "PROPOSAL" : percent < 70 ? "NEGOTIATION"
                : percent < 88 ? "WON" : "LOST";
    }

    /** The lead and, for 60% of deals, one or two more: colleagues where there are any. */
    private static Set<Long> contactsFor(SeededContact lead, List<SeededContact> colleagues, List<SeededContact> all,
            Random random) {
        int percent = random.nextInt(100);
        int wanted = percent < 40 ? 1 : percent < 75 ? 2 : 3;
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(lead.id());
        for (int attempt = 0; ids.size() < wanted && attempt < 2 * colleagues.size(); attempt++) {
            ids.add(colleagues.get(random.nextInt(colleagues.size())).id());
        }
        while (ids.size() < Math.min(wanted, all.size())) {
            ids.add(all.get(random.nextInt(all.size())).id());
        }
        return ids;
    }

    private int insert(List<Deal> deals) {
        SqlParameterSource[] rows = deals.stream().map(deal -> new MapSqlParameterSource()
                .addValue("name", deal.name())
                .addValue("amount", deal.amount())
                .addValue("stage", deal.stage())
                .addValue("closeDate", deal.closeDate())
                .addValue("ownerId", deal.ownerId())).toArray(SqlParameterSource[]::new);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                insert into opportunity (name, amount, stage, close_date, owner_id)
                values (:name, :amount, :stage, :closeDate, :ownerId)
                """, rows, keys, new String[] {"id"});
        List<SqlParameterSource> links = new ArrayList<>();
        for (int i = 0; i < deals.size(); i++) {
            long opportunityId = ((Number) keys.getKeyList().get(i).values().iterator().next()).longValue();
            for (long contactId : deals.get(i).contactIds()) {
                links.add(new MapSqlParameterSource("opportunity", opportunityId).addValue("contact", contactId));
            }
        }
        jdbc.batchUpdate("insert into opportunity_contact (opportunity_id, contact_id) values (:opportunity, :contact)",
                links.toArray(SqlParameterSource[]::new));
        return links.size();
    }
}
