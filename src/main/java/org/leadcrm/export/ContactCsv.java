package org.leadcrm.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.contact.CrmSystem;

/**
 * The export's file, written a row at a time: UTF-8 with a byte-order mark (without it Excel reads
 * the file as the system's code page and garbles every accented name), a header row, then one row
 * per contact with the columns of PRODUCT.md. Quoting is Commons CSV's; text cells are escaped
 * against formulas.
 *
 * <p>Each row is printed into a {@link StringBuilder} and handed to the writer whole: printed
 * straight to the writer, Commons CSV's many small appends each took the writer's lock, which
 * was most of the time of a large export.
 */
final class ContactCsv {

    static final String[] HEADER = {"First name", "Last name", "E-mail", "Phone", "Company", "City", "Country",
            "Status", "Owner", "Lead score", "Synced CRM", "CRM record id", "Created"};

    /** The columns {@link #write} reads, in this order, from {@code contact c} and its owner {@code app_user u}. */
    static final String SELECT = """
            select c.first_name, c.last_name, c.email, c.phone, c.company, c.city, c.country, c.status,
                   u.display_name as owner_name, c.lead_score, c.crm_system, c.external_id, c.created_at
            from contact c left join app_user u on u.id = c.owner_id
            """;

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setHeader(HEADER).get();
    private static final int BUFFER = 64 * 1024;

    private final Writer writer;
    private final StringBuilder row = new StringBuilder(512);
    private final CSVPrinter printer;
    private final ZoneId zone;
    private final StringBuilder created = new StringBuilder(19);
    private long rows;

    /** Starts the file: the byte-order mark and the header (buffered: nothing reaches {@code out} yet). */
    ContactCsv(OutputStream out, ZoneId zone) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
        this.writer.write('\uFEFF');
        this.printer = new CSVPrinter(row, FORMAT);
        this.zone = zone;
        endRow();
    }

    /** Writes the contact at the result set's current row (columns by position, as {@link #SELECT} lists them). */
    void write(ResultSet rs) throws SQLException, IOException {
        for (int column = 1; column <= 7; column++) {
            printer.print(text(rs.getString(column)));
        }
        printer.print(ContactStatus.valueOf(rs.getString(8)).label());
        printer.print(text(rs.getString(9)));
        printer.print(rs.getInt(10));
        printer.print(CrmSystem.valueOf(rs.getString(11)).label());
        printer.print(text(rs.getString(12)));
        printer.print(created(rs.getObject(13, OffsetDateTime.class)));
        printer.println();
        endRow();
        rows++;
    }

    private void endRow() throws IOException {
        writer.append(row);
        row.setLength(0);
    }

    /** The contacts written so far. */
    long rows() {
        return rows;
    }

    /** Sends what is buffered on; the stream stays open, it is the caller's. */
    void finish() throws IOException {
        writer.flush();
    }

    /**
     * "2025-06-02 11:00:00" in the application's zone: how Excel and LibreOffice read a date and time
     * into a date cell (with ISO's "T" it would stay text). Written by hand, as a DateTimeFormatter
     * took a seventh of a large export's time.
     */
    private CharSequence created(OffsetDateTime at) {
        LocalDateTime local = at.atZoneSameInstant(zone).toLocalDateTime();
        created.setLength(0);
        created.append(local.getYear()).append('-');
        twoDigits(local.getMonthValue()).append('-');
        twoDigits(local.getDayOfMonth()).append(' ');
        twoDigits(local.getHour()).append(':');
        twoDigits(local.getMinute()).append(':');
        return twoDigits(local.getSecond());
    }

    private StringBuilder twoDigits(int value) {
        return created.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : FormulaEscaping.escape(value);
    }
}
