package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Opportunities for every tenth generated contact, set-based: each gets an explicit id
 * derived from its contact's id (above every existing opportunity id), so that the links can
 * be inserted by the same arithmetic instead of by reading keys back. Every second one also
 * gets the next contact, so half have one lead and half two. The identity is moved past the
 * new ids at the end. Only the opportunities read their contact (its company, name and owner);
 * the links are numbered rows.
 */
final class ScaleOpportunities {

    record Added(long opportunities, long links) {
    }

    private final Connection connection;
    private final SqlDialect dialect;
    private final LocalDate today;

    ScaleOpportunities(Connection connection, SqlDialect dialect, LocalDate today) {
        this.connection = connection;
        this.dialect = dialect;
        this.today = today;
    }

    Added add(IdRange added) throws SQLException {
        // opportunity id = contact id + offset, which is above the highest opportunity id so far
        long offset = maxId() - (added.first() - 1);
        String today = "cast('" + this.today + "' as date)";
        long opportunities = added.updateInSlices(connection, (from, to) -> """
                insert into opportunity (id, name, amount, stage, close_date, owner_id)
                %sselect c.id + %d,
                    coalesce(c.company, c.last_name) || ' – ' || case mod(c.id, 40)
                        when 0 then 'Renewal' when 10 then 'Pilot project' when 20 then 'Platform expansion'
                        else 'Annual subscription' end,
                    cast(1000 + mod(c.id * 7919, 300) * 500 as numeric(15, 2)),
                    case mod(c.id, 50) when 0 then 'PROSPECTING' when 10 then 'PROPOSAL'
                        when 20 then 'NEGOTIATION' when 30 then 'WON' else 'LOST' end,
                    case when mod(c.id, 50) >= 30 then %s - cast(mod(c.id / 10, 365) as integer)
                        else %s + cast(mod(c.id / 10, 180) as integer) end,
                    c.owner_id
                from %s join contact c on c.id = g.n
                where mod(g.n, 10) = 0
                """.formatted(dialect.direct(), offset, today, today, dialect.numbers(from, to)));
        long links = added.updateInSlices(connection, (from, to) -> """
                insert into opportunity_contact (opportunity_id, contact_id)
                %sselect n + %d, n from %s where mod(n, 10) = 0
                """.formatted(dialect.direct(), offset, dialect.numbers(from, to)));
        links += added.updateInSlices(connection, (from, to) -> """
                insert into opportunity_contact (opportunity_id, contact_id)
                %sselect n + %d, n + 1 from %s where mod(n, 20) = 0 and n < %d
                """.formatted(dialect.direct(), offset, dialect.numbers(from, to), added.last()));
        try (Statement statement = connection.createStatement()) {
            // DDL: H2 commits here, which is fine, every slice has committed already
            statement.execute("alter table opportunity alter column id restart with " + (maxId() + 1));
        }
        connection.commit();
        return new Added(opportunities, links);
    }

    private long maxId() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select coalesce(max(id), 0) from opportunity")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
