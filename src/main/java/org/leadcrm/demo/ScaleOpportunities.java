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
 * new ids at the end.
 */
final class ScaleOpportunities {

    record Added(long opportunities, long links) {
    }

    private final Connection connection;
    private final LocalDate today;

    ScaleOpportunities(Connection connection, LocalDate today) {
        this.connection = connection;
        this.today = today;
    }

    Added add(IdRange added) throws SQLException {
        // opportunity id = contact id + offset, which is above the highest opportunity id so far
        long offset = maxId() - (added.first() - 1);
        long opportunities = added.updateInSlices(connection, """
                insert into opportunity (id, name, amount, stage, close_date, owner_id)
                select c.id + ?,
                    coalesce(c.company, c.last_name) || ' – ' || case mod(c.id, 40)
                        when 0 then 'Renewal' when 10 then 'Pilot project' when 20 then 'Platform expansion'
                        else 'Annual subscription' end,
                    cast(1000 + mod(c.id * 7919, 300) * 500 as numeric(15, 2)),
                    case mod(c.id, 50) when 0 then 'PROSPECTING' when 10 then 'PROPOSAL'
                        when 20 then 'NEGOTIATION' when 30 then 'WON' else 'LOST' end,
                    case when mod(c.id, 50) >= 30 then cast(? as date) - cast(mod(c.id / 10, 365) as integer)
                        else cast(? as date) + cast(mod(c.id / 10, 180) as integer) end,
                    c.owner_id
                from contact c
                where mod(c.id, 10) = 0 and c.id between ? and ?
                """, offset, today, today);
        long links = added.updateInSlices(connection, """
                insert into opportunity_contact (opportunity_id, contact_id)
                select c.id + ?, c.id from contact c
                where mod(c.id, 10) = 0 and c.id between ? and ?
                """, offset);
        links += added.updateInSlices(connection, """
                insert into opportunity_contact (opportunity_id, contact_id)
                select c.id + ?, n.id from contact c join contact n on n.id = c.id + 1
                where mod(c.id, 20) = 0 and n.id <= ? and c.id between ? and ?
                """, offset, added.last());
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
