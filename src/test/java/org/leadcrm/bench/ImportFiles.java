package org.leadcrm.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The files the import benchmark loads, generated from their row number so that both are the same
 * rows: a file as a user brings it (Excel's "CSV UTF-8": a byte order mark, CRLF, a header in words,
 * accents, quoted commas), with 5% of its addresses those of existing contacts (in another case)
 * and 2% bad rows (an invalid address, a score out of range, an unknown status, an address repeated
 * from the row before); and the clean rows of the same file as a database administrator would
 * prepare them for the database's own bulk load: the bad rows left out, statuses as stored, no header
 * (columns: {@link #CLEAN_COLUMNS}).
 */
record ImportFiles(Path userFile, Path cleanFile, int rows, int cleanRows, int existing) {

    static final String CLEAN_COLUMNS = "email, first_name, last_name, company, title, phone, city, country, status, lead_score";

    private static final String[] FIRST = {"Ada", "François", "Jürgen", "María", "Chloë", "Søren", "Grace", "Alan",
            "Zoë", "José"};
    private static final String[] LAST = {"Lovelace", "Müller", "García", "O'Brien", "Dupont", "Nakamura", "Hopper",
            "Turing", "Øvergaard", "Smith"};
    private static final String[] STATUS = {"Lead", "Contacted", "Qualified", "Customer"};
    private static final String[] CITY = {"London", "Besançon", "München", "Zürich", "New York", "São Paulo", "Kraków"};
    private static final String[] COUNTRY = {"UK", "France", "Germany", "Switzerland", "USA", "Brazil", "Poland"};

    /**
     * @param datasetSize the generated contacts, {@code contact.<n>@example<n mod 97>.com} for n in 1..size, of
     *                    which every twentieth row's address is taken
     */
    static ImportFiles generate(Path dir, int rows, int datasetSize) {
        Path user = dir.resolve("import-" + rows + ".csv");
        Path clean = dir.resolve("import-" + rows + "-clean.csv");
        int cleanRows = 0;
        int existing = 0;
        try {
            Files.createDirectories(dir);
            try (BufferedWriter userOut = Files.newBufferedWriter(user, StandardCharsets.UTF_8);
                    BufferedWriter cleanOut = Files.newBufferedWriter(clean, StandardCharsets.UTF_8)) {
                userOut.write('\uFEFF');
                CSVPrinter users = new CSVPrinter(userOut, CSVFormat.EXCEL);
                CSVPrinter admins = new CSVPrinter(cleanOut, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
                users.printRecord("E-mail Address", "First Name", "Last Name", "Company Name", "Job Title", "Phone",
                        "City", "Country", "Lead Status", "Lead Score");
                String previousEmail = "";
                for (int i = 1; i <= rows; i++) {
                    String email;
                    if (i % 20 == 0 && i <= datasetSize) {
                        email = "Contact." + i + "@EXAMPLE" + (i % 97) + ".com";
                        existing++;
                    } else {
                        email = "import." + i + "@newco" + (i % 89) + ".example";
                    }
                    String status = STATUS[i % STATUS.length];
                    String score = String.valueOf(i % 101);
                    boolean bad = i % 50 == 7;
                    if (bad) {
                        switch ((i / 50) % 4) {
                            case 0 -> email = "not-an-address-" + i;
                            case 1 -> score = "150";
                            case 2 -> status = "Hot";
                            default -> email = previousEmail;
                        }
                    }
                    String company = i % 7 == 0 ? "Smith, Jones & Partners " + (i % 1000) : "Company " + (i % 5000);
                    String[] row = {email, FIRST[i % FIRST.length], LAST[(i / 10) % LAST.length], company,
                            i % 3 == 0 ? "" : "Buyer", "+1 555 " + String.format(Locale.ROOT, "%07d", i),
                            CITY[i % CITY.length], COUNTRY[i % COUNTRY.length], status, score};
                    users.printRecord((Object[]) row);
                    if (!bad) {
                        cleanRows++;
                        row[8] = status.toUpperCase(Locale.ROOT);
                        admins.printRecord((Object[]) row);
                    }
                    previousEmail = email;
                }
                users.flush();
                admins.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportFiles(user, clean, rows, cleanRows, existing);
    }
}
