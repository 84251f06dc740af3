package org.leadcrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * The database's own bulk export of the rows Export CSV writes, the same SELECT as the service's:
 * PostgreSQL's {@code COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)} through pgjdbc's CopyManager
 * into a stream, H2's {@code CSVWRITE} into a file (H2 has no way to stream a CSV to the client).
 */
final class DatabaseCsvExport {

    /** As {@code ContactCsv.SELECT} in the application, with its order. */
    private static final String SELECT = """
            select c.first_name, c.last_name, c.email, c.phone, c.company, c.city, c.country, c.status,
                   u.display_name as owner_name, c.lead_score, c.crm_system, c.external_id, c.created_at
            from contact c left join app_user u on u.id = c.owner_id
            where %s
            order by c.id
            """;

    private final BenchApp app;
    private final Path file;

    DatabaseCsvExport(BenchApp app, Path workDir) {
        this.app = app;
        this.file = workDir.resolve("database-export.csv");
    }

    /** The condition of every contact, as a filter that sets nothing is. */
    static String everyone() {
        return "1=1";
    }

    /** The condition of a list's members, as ContactCondition writes it. */
    static String membersOf(long listId) {
        return "exists (select 1 from list_member fm where fm.list_id = " + listId + " and fm.contact_id = c.id)";
    }

    /** Exports the contacts matching {@code condition}; the rows written. Bytes go to {@code out} (PostgreSQL) or a file measured into it (H2). */
    long export(String condition, CountingOutputStream out) {
        String select = SELECT.formatted(condition);
        try {
            if (app.db() == BenchDb.POSTGRES) {
                try (Connection connection = app.dataSource().getConnection()) {
                    return connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyOut("copy (" + select + ") to stdout (format csv, header)", out);
                }
            }
            Integer rows = app.plainJdbc().queryForObject("call csvwrite(?, ?, 'charset=UTF-8')", Integer.class,
                    file.toAbsolutePath().toString(), select);
            out.add(Files.size(file));
            Files.delete(file);
            return rows == null ? 0 : rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
