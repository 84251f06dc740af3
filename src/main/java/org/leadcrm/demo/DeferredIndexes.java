package org.leadcrm.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The indexes of some tables that a bulk load need not maintain row by row: plain indexes and
 * unique constraints (with their index). They are dropped before the load and created again
 * after it exactly as they were, which sorts each once instead of inserting a million keys at
 * random places (docs/decisions/005). Primary keys and foreign keys stay, with the indexes H2
 * made for them, so rows are still checked against the tables they refer to as they go in.
 *
 * <p>Unique constraints are not checked during the load; the generator's rows are unique by
 * construction, and adding the constraint again checks them all.
 */
final class DeferredIndexes {

    private final Connection connection;
    /** What was dropped, to the statement that creates it again, in the order to create them. */
    private final Map<String, String> dropped = new LinkedHashMap<>();
    private final int count;

    private DeferredIndexes(Connection connection, Map<String, String> dropped) {
        this.connection = connection;
        this.dropped.putAll(dropped);
        this.count = dropped.size();
    }

    /** Drops the unique constraints and plain indexes of {@code tables}; {@link #recreate()} brings them back. */
    static DeferredIndexes drop(Connection connection, SqlDialect dialect, List<String> tables) throws SQLException {
        Map<String, String> drops = new LinkedHashMap<>();
        Map<String, String> creates = new LinkedHashMap<>();
        for (String table : tables) {
            if (dialect == SqlDialect.POSTGRES) {
                postgres(connection, table, drops, creates);
            } else {
                h2(connection, table, drops, creates);
            }
        }
        Map<String, String> dropped = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> drop : drops.entrySet()) {
                statement.execute(drop.getValue());
                dropped.put(drop.getKey(), creates.get(drop.getKey()));
            }
        } catch (SQLException e) {
            connection.rollback();
            new DeferredIndexes(connection, dropped).recreateAfter(e);
            throw e;
        }
        connection.commit();
        return new DeferredIndexes(connection, dropped);
    }

    /** How many indexes and constraints were dropped. */
    int count() {
        return count;
    }

    /** Creates everything dropped again, committing each; one that fails is still tried with the others. */
    void recreate() throws SQLException {
        SQLException failure = null;
        try (Statement statement = connection.createStatement()) {
            for (var iterator = dropped.values().iterator(); iterator.hasNext(); ) {
                String create = iterator.next();
                try {
                    statement.execute(create);
                    connection.commit();
                    iterator.remove();
                } catch (SQLException e) {
                    connection.rollback();
                    if (failure == null) {
                        failure = new SQLException("Could not restore the schema: " + create, e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** {@link #recreate()} after {@code cause}, to which a failure is added. */
    void recreateAfter(Exception cause) {
        try {
            recreate();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * PostgreSQL: definitions as the server prints them (expression indexes and operator classes
     * included); unique constraints that a foreign key relies on stay.
     */
    private static void postgres(Connection connection, String table, Map<String, String> drops,
            Map<String, String> creates) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select quote_ident(n.nspname) || '.' || quote_ident(t.relname), quote_ident(k.conname),
                    pg_get_constraintdef(k.oid)
                from pg_constraint k
                join pg_class t on t.oid = k.conrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = current_schema() and t.relname = ? and k.contype = 'u'
                and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = k.conindid)
                order by k.conname
                """)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1) + " constraint " + rows.getString(2);
                    drops.put(key, "alter table " + rows.getString(1) + " drop constraint " + rows.getString(2));
                    creates.put(key, "alter table " + rows.getString(1) + " add constraint " + rows.getString(2) + " "
                            + rows.getString(3));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("""
                select quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(x.indexrelid)
                from pg_index x
                join pg_class i on i.oid = x.indexrelid
                join pg_class t on t.oid = x.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = current_schema() and t.relname = ?
                and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
                order by i.relname
                """)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    drops.put(key, "drop index " + key);
                    creates.put(key, rows.getString(2));
                }
            }
        }
    }

    /**
     * H2: unique constraints that no foreign key refers to, and plain indexes that no constraint
     * uses, rebuilt from the information schema with each column's order and null ordering as H2
     * reports them. H2 names a constraint's index after the constraint and the table, so adding
     * the constraint again gives its index the name it had.
     */
    private static void h2(Connection connection, String table, Map<String, String> drops, Map<String, String> creates)
            throws SQLException {
        String schema;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select current_schema")) {
            rows.next();
            schema = rows.getString(1);
        }
        String tableName = table.toUpperCase(Locale.ROOT);
        String qualifiedTable = quote(schema) + "." + quote(tableName);

        Map<String, List<String>> uniques = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select k.constraint_name, c.column_name
                from information_schema.table_constraints k
                join information_schema.key_column_usage c
                    on c.constraint_schema = k.constraint_schema and c.constraint_name = k.constraint_name
                where k.table_schema = ? and k.table_name = ? and k.constraint_type = 'UNIQUE'
                and not exists (select 1 from information_schema.referential_constraints f
                    where f.unique_constraint_schema = k.constraint_schema
                    and f.unique_constraint_name = k.constraint_name)
                order by k.constraint_name, c.ordinal_position
                """)) {
            query.setString(1, schema);
            query.setString(2, tableName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    uniques.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(quote(rows.getString(2)));
                }
            }
        }
        uniques.forEach((name, columns) -> {
            String key = qualifiedTable + " constraint " + quote(name);
            drops.put(key, "alter table " + qualifiedTable + " drop constraint " + quote(schema) + "." + quote(name));
            creates.put(key, "alter table " + qualifiedTable + " add constraint " + quote(name) + " unique ("
                    + String.join(", ", columns) + ")");
        });

        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select c.index_name, c.column_name, c.ordering_specification, c.null_ordering
                from information_schema.indexes i
                join information_schema.index_columns c
                    on c.index_schema = i.index_schema and c.index_name = i.index_name
                where i.table_schema = ? and i.table_name = ? and i.index_type_name = 'INDEX'
                and not exists (select 1 from information_schema.table_constraints k
                    where k.index_schema = i.index_schema and k.index_name = i.index_name)
                order by c.index_name, c.ordinal_position
                """)) {
            query.setString(1, schema);
            query.setString(2, tableName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String nulls = rows.getString(4);
                    indexes.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(quote(rows.getString(2))
                            + " " + rows.getString(3) + (nulls == null ? "" : " nulls " + nulls));
                }
            }
        }
        indexes.forEach((name, columns) -> {
            String qualified = quote(schema) + "." + quote(name);
            drops.put(qualified, "drop index " + qualified);
            creates.put(qualified, "create index " + qualified + " on " + qualifiedTable + " ("
                    + String.join(", ", columns) + ")");
        });
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
