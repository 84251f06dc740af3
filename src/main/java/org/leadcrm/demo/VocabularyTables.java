package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The generator's words as small temporary tables, numbered from 0, so that one {@code INSERT …
 * SELECT} can pick a contact's name, company, city, title and owner by joining on a number it
 * computes from the contact's own. They live on the generator's connection only and are dropped
 * when it is done; the schema is not changed.
 */
final class VocabularyTables implements AutoCloseable {

    static final String FIRST_NAMES = "scale_first_name";
    static final String LAST_NAMES = "scale_last_name";
    static final String COMPANIES = "scale_company";
    static final String CITIES = "scale_city";
    static final String TITLES = "scale_title";
    static final String OWNERS = "scale_owner";

    private static final List<String> ALL = List.of(FIRST_NAMES, LAST_NAMES, COMPANIES, CITIES, TITLES, OWNERS);

    private final Connection connection;
    final int firstNames;
    final int lastNames;
    final int companies;
    final int titles;
    final int owners;

    private VocabularyTables(Connection connection, ContactPools pools, List<Long> ownerIds) {
        this.connection = connection;
        this.firstNames = pools.firstNames.size();
        this.lastNames = pools.lastNames.size();
        this.companies = pools.companies.size();
        this.titles = Vocabulary.JOB_TITLES.size();
        this.owners = ownerIds.size();
    }

    /** Creates and fills the tables; {@link #close()} drops them. */
    static VocabularyTables create(Connection connection, SqlDialect dialect, ContactPools pools, List<Long> ownerIds)
            throws SQLException {
        VocabularyTables tables = new VocabularyTables(connection, pools, ownerIds);
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.temporaryTable(FIRST_NAMES)
                    + " (i integer primary key, name varchar(100) not null, slug varchar(100) not null)");
            statement.execute(dialect.temporaryTable(LAST_NAMES)
                    + " (i integer primary key, name varchar(100) not null, slug varchar(100) not null)");
            statement.execute(dialect.temporaryTable(COMPANIES) + " (i integer primary key, name varchar(150) not null,"
                    + " domain varchar(150) not null, country varchar(100) not null, calling_code varchar(10) not null,"
                    + " market integer not null, city_count integer not null)");
            statement.execute(dialect.temporaryTable(CITIES)
                    + " (market integer not null, i integer not null, name varchar(100) not null, primary key (market, i))");
            statement.execute(dialect.temporaryTable(TITLES) + " (i integer primary key, title varchar(150) not null)");
            statement.execute(dialect.temporaryTable(OWNERS) + " (i integer primary key, id bigint not null)");
        }
        tables.fill(pools, ownerIds);
        if (dialect == SqlDialect.POSTGRES) {
            // Temporary tables get no statistics from autovacuum; the planner should know they are small.
            try (Statement statement = connection.createStatement()) {
                for (String table : ALL) {
                    statement.execute("analyze " + table);
                }
            }
        }
        connection.commit();
        return tables;
    }

    private void fill(ContactPools pools, List<Long> ownerIds) throws SQLException {
        names(FIRST_NAMES, pools.firstNames);
        names(LAST_NAMES, pools.lastNames);
        try (PreparedStatement insert = connection.prepareStatement("insert into " + COMPANIES
                + " (i, name, domain, country, calling_code, market, city_count) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < pools.companies.size(); i++) {
                ContactPools.Company company = pools.companies.get(i);
                Market market = company.market();
                insert.setInt(1, i);
                insert.setString(2, company.name());
                insert.setString(3, company.domain());
                insert.setString(4, market.country());
                insert.setString(5, market.callingCode());
                insert.setInt(6, Markets.ALL.indexOf(market));
                insert.setInt(7, market.cities().size());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + CITIES + " (market, i, name) values (?, ?, ?)")) {
            for (int m = 0; m < Markets.ALL.size(); m++) {
                List<String> cities = Markets.ALL.get(m).cities();
                for (int i = 0; i < cities.size(); i++) {
                    insert.setInt(1, m);
                    insert.setInt(2, i);
                    insert.setString(3, cities.get(i));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        numbered(TITLES, "title", Vocabulary.JOB_TITLES);
        numbered(OWNERS, "id", ownerIds);
    }

    private void names(String table, List<ContactPools.Name> names) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + table + " (i, name, slug) values (?, ?, ?)")) {
            for (int i = 0; i < names.size(); i++) {
                insert.setInt(1, i);
                insert.setString(2, names.get(i).text());
                insert.setString(3, names.get(i).slug());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void numbered(String table, String column, List<?> values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + table + " (i, " + column + ") values (?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                insert.setInt(1, i);
                insert.setObject(2, values.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : ALL) {
                statement.execute("drop table if exists " + table);
            }
        }
        connection.commit();
    }
}
