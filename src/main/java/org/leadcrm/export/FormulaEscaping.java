package org.leadcrm.export;

/**
 * Keeps a spreadsheet from running a cell as a formula (OWASP, "CSV Injection"): a cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe, which Excel, LibreOffice and Google Sheets show as text and never evaluate. The price
 * is an apostrophe before a phone number written "+44 …", which is what OWASP accepts too.
 */
final class FormulaEscaping {

    private static final String STARTS_A_FORMULA = "=+-@\t\r";

    private FormulaEscaping() {
    }

    static String escape(String cell) {
        return !cell.isEmpty() && STARTS_A_FORMULA.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
