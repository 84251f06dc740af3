package org.leadcrm.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 */
final class ContactCsv {

    static final String[] HEADER = {"First name", "Last name", "E-mail", "Phone", "Company", "City", "Country",
            "Status", "Owner", "Lead score", "Synced CRM", "CRM record id", "Created"};

    /** The columns {@link #write} reads, from {@code contact c} and its owner {@code app_user u}. */
    static final String SELECT = """
            select c.first_name, c.last_name, c.email, c.phone, c.company, c.city, c.country, c.status,
                   u.display_name as owner_name, c.lead_score, c.crm_system, c.external_id, c.created_at
            from contact c left join app_user u on u.id = c.owner_id
            """;

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setHeader(HEADER).get();
    /** The date and time as Excel and LibreOffice read them into a date cell; with ISO's "T" they would stay text. */
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int BUFFER = 64 * 1024;

    private final CSVPrinter printer;
    private final DateTimeFormatter created;
    private long rows;

    /** Starts the file: the byte-order mark and the header (buffered: nothing reaches {@code out} yet). */
    ContactCsv(OutputStream out, ZoneId zone) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, FORMAT);
        this.created = CREATED.withZone(zone);
    }

    /** Writes the contact at the result set's current row. */
    void write(ResultSet rs) throws SQLException, IOException {
        printer.printRecord(
                text(rs.getString("first_name")),
                text(rs.getString("last_name")),
                text(rs.getString("email")),
                text(rs.getString("phone")),
                text(rs.getString("company")),
                text(rs.getString("city")),
                text(rs.getString("country")),
                ContactStatus.valueOf(rs.getString("status")).label(),
                text(rs.getString("owner_name")),
                rs.getInt("lead_score"),
                CrmSystem.valueOf(rs.getString("crm_system")).label(),
                text(rs.getString("external_id")),
                created.format(rs.getTimestamp("created_at").toInstant()));
        rows++;
    }

    /** The contacts written so far. */
    long rows() {
        return rows;
    }

    /** Sends what is buffered on; the stream stays open, it is the caller's. */
    void finish() throws IOException {
        printer.flush();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : FormulaEscaping.escape(value);
    }
}
