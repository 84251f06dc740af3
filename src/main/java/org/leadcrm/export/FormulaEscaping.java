package org.leadcrm.export;

/**
 * Keeps a spreadsheet from running a cell as a formula (OWASP, "CSV Injection"): a cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe, which Excel, LibreOffice and Google Sheets show as text and never evaluate. The price
 * is an apostrophe before a phone number written "+44 …", which is what OWASP accepts too; an import
 * takes it off again ({@link #unescape}), so that a file exported from LeadCRM imports back as it was.
 */
public final class FormulaEscaping {

    private static final String STARTS_A_FORMULA = "=+-@\t\r";

    private FormulaEscaping() {
    }

    static String escape(String cell) {
        return startsAFormula(cell, 0) ? "'" + cell : cell;
    }

    /** The cell as it was before {@link #escape}: an apostrophe only goes when a formula's first character follows it. */
    public static String unescape(String cell) {
        return cell.startsWith("'") && startsAFormula(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean startsAFormula(String cell, int index) {
        return cell.length() > index && STARTS_A_FORMULA.indexOf(cell.charAt(index)) >= 0;
    }
}
