package org.leadcrm.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.lang.Nullable;

/**
 * Writes the rows of one import into the staging tables ({@code import_row} for valid rows,
 * {@code import_reject} for rejected ones) on the transaction's own connection, as fast as the
 * database takes them: PostgreSQL's {@code COPY … FROM STDIN}, H2's JDBC batches. Rows are sent as
 * they come, a buffer at a time, so memory does not grow with the file.
 */
abstract class Staging implements AutoCloseable {

    static final String ROW_COLUMNS = "import_id, line, email, email_key, first_name, last_name, phone, company, title,"
            + " city, country, status, lead_score, owner_id, missing";
    static final int REASON_MAX_LENGTH = 1000;
    private static final int BATCH = 1000;

    protected final Connection connection;
    protected final long importId;
    private final List<Object[]> rejects = new ArrayList<>();
    private long staged;
    private long incomplete;

    private Staging(Connection connection, long importId) {
        this.connection = connection;
        this.importId = importId;
    }

    /** The fastest way into the database {@code connection} is connected to. */
    static Staging on(Connection connection, long importId) throws SQLException {
        return connection.isWrapperFor(PGConnection.class) ? new Copy(connection, importId) : new Batches(connection, importId);
    }

    final void row(StagedRow row) throws SQLException {
        stage(row);
        staged++;
        if (row.missing() != null) {
            incomplete++;
        }
    }

    final void reject(long line, String reason) throws SQLException {
        rejects.add(new Object[] {importId, line,
                reason.length() <= REASON_MAX_LENGTH ? reason : reason.substring(0, REASON_MAX_LENGTH - 1) + "…"});
        if (rejects.size() >= BATCH) {
            flushRejects();
        }
    }

    long staged() {
        return staged;
    }

    /** Staged rows that could update a contact but not create one. */
    long incomplete() {
        return incomplete;
    }

    /** Sends what is still buffered; the rows are then in the tables, for the rest of the transaction. */
    void finish() throws SQLException {
        flushRows();
        flushRejects();
    }

    protected abstract void stage(StagedRow row) throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    /** Sends the buffered valid rows, and ends whatever statement is sending them. */
    protected abstract void flushRows() throws SQLException;

    private void flushRejects() throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        // A COPY holds the connection: it must end before another statement can run.
        flushRows();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into import_reject (import_id, line, reason) values (?, ?, ?)")) {
            for (Object[] reject : rejects) {
                insert.setLong(1, (Long) reject[0]);
                insert.setLong(2, (Long) reject[1]);
                insert.setString(3, (String) reject[2]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        rejects.clear();
    }

    /** PostgreSQL: the rows as COPY's text format, streamed through the driver's copy API. */
    private static final class Copy extends Staging {

        private static final int FLUSH_AT = 1 << 16;

        private final CopyManager copyManager;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
        private @Nullable CopyIn copy;

        Copy(Connection connection, long importId) throws SQLException {
            super(connection, importId);
            this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        @Override
        protected void stage(StagedRow row) throws SQLException {
            buffer.append(importId).append('\t').append(row.line());
            for (Object value : new Object[] {row.email(), row.emailKey(), row.firstName(), row.lastName(), row.phone(),
                    row.company(), row.title(), row.city(), row.country(), row.status(), row.leadScore(), row.ownerId(),
                    row.missing()}) {
                buffer.append('\t');
                append(value);
            }
            buffer.append('\n');
            if (buffer.length() >= FLUSH_AT) {
                send();
            }
        }

        private void append(@Nullable Object value) {
            if (value == null) {
                buffer.append("\\N");
                return;
            }
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
        }

        private void send() throws SQLException {
            if (buffer.length() == 0) {
                return;
            }
            if (copy == null) {
                copy = copyManager.copyIn("copy import_row (" + ROW_COLUMNS + ") from stdin");
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        protected void flushRows() throws SQLException {
            send();
            if (copy != null) {
                CopyIn ending = copy;
                copy = null;
                ending.endCopy();
            }
        }

        /** A COPY left open would hold the connection, and the transaction could not even roll back. */
        @Override
        public void close() throws SQLException {
            if (copy != null && copy.isActive()) {
                CopyIn cancelling = copy;
                copy = null;
                cancelling.cancelCopy();
            }
        }
    }

    /** H2 (and any other database): JDBC batches of inserts. */
    private static final class Batches extends Staging {

        private final PreparedStatement insert;
        private int pending;

        Batches(Connection connection, long importId) throws SQLException {
            super(connection, importId);
            this.insert = connection.prepareStatement("insert into import_row (" + ROW_COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        protected void stage(StagedRow row) throws SQLException {
            insert.setLong(1, importId);
            insert.setLong(2, row.line());
            insert.setString(3, row.email());
            insert.setString(4, row.emailKey());
            insert.setString(5, row.firstName());
            insert.setString(6, row.lastName());
            insert.setString(7, row.phone());
            insert.setString(8, row.company());
            insert.setString(9, row.title());
            insert.setString(10, row.city());
            insert.setString(11, row.country());
            insert.setString(12, row.status());
            if (row.leadScore() == null) {
                insert.setNull(13, Types.INTEGER);
            } else {
                insert.setInt(13, row.leadScore());
            }
            if (row.ownerId() == null) {
                insert.setNull(14, Types.BIGINT);
            } else {
                insert.setLong(14, row.ownerId());
            }
            insert.setString(15, row.missing());
            insert.addBatch();
            if (++pending >= BATCH) {
                flushRows();
            }
        }

        @Override
        protected void flushRows() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
