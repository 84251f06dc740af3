package org.leadcrm.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator;
import org.leadcrm.contact.ContactDraft;
import org.leadcrm.contact.ContactStatus;
import org.leadcrm.export.FormulaEscaping;
import org.leadcrm.imports.CsvSource.SourceRecord;
import org.leadcrm.security.UserSummary;
import org.springframework.lang.Nullable;

/**
 * Checks a row of a file against the contact form's rules ({@link ContactDraft}'s constraints, by the
 * same validator), and turns it into a {@link StagedRow} or a reason for rejecting it. A row is
 * judged alone; whether its address repeats an earlier row or belongs to an existing contact is
 * for the database to tell.
 */
final class RowChecker {

    /** Stands in for a blank name while the rest of the row is checked: blank names only matter for new contacts. */
    private static final String SOME_NAME = "-";

    private static final Map<String, ImportField> FIELD_OF_PROPERTY = Map.of(
            "firstName", ImportField.FIRST_NAME, "lastName", ImportField.LAST_NAME, "email", ImportField.EMAIL,
            "phone", ImportField.PHONE, "company", ImportField.COMPANY, "title", ImportField.TITLE,
            "city", ImportField.CITY, "country", ImportField.COUNTRY, "status", ImportField.STATUS,
            "leadScore", ImportField.LEAD_SCORE);

    /** What {@code @Email} runs (stateless, and without a regexp of its own on the draft). */
    private static final EmailValidator EMAIL = new EmailValidator();

    private final Validator validator;
    private final int columns;
    private final int[] columnOf = new int[ImportField.values().length];
    private final Map<String, Long> owners;
    private final Map<String, ContactStatus> statuses = new HashMap<>();

    RowChecker(Validator validator, ColumnMapping mapping, int columns, List<UserSummary> users) {
        this.validator = validator;
        this.columns = columns;
        for (ImportField field : ImportField.values()) {
            columnOf[field.ordinal()] = mapping.columnOf(field);
        }
        this.owners = owners(users);
        // As written most of the time first ("Lead", "LEAD"), then without spaces, accents or punctuation.
        for (ContactStatus status : ContactStatus.values()) {
            statuses.put(status.name().toLowerCase(Locale.ROOT), status);
            statuses.put(status.label().toLowerCase(Locale.ROOT), status);
            statuses.put(ImportField.key(status.name()), status);
            statuses.put(ImportField.key(status.label()), status);
        }
    }

    /** A row either staged or rejected. */
    sealed interface Checked permits Valid, Rejected {
    }

    record Valid(StagedRow row) implements Checked {
    }

    record Rejected(long line, String reason) implements Checked {
    }

    Checked check(SourceRecord record) {
        List<String> cells = record.cells();
        long line = record.line();
        if (cells.size() > columns && cells.subList(columns, cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            return new Rejected(line, "The row has " + cells.size() + " cells where the header has " + columns
                    + " (a delimiter inside a value that is not in quotes?).");
        }
        String email = cell(cells, ImportField.EMAIL);
        if (email == null) {
            return new Rejected(line, "No e-mail address.");
        }
        String statusCell = cell(cells, ImportField.STATUS);
        ContactStatus status = null;
        if (statusCell != null) {
            status = statuses.get(statusCell.toLowerCase(Locale.ROOT));
            if (status == null) {
                status = statuses.get(ImportField.key(statusCell));
            }
            if (status == null) {
                return new Rejected(line, "Status: \"" + shortened(statusCell) + "\" is not a status (use Lead, Contacted, "
                        + "Qualified, Customer or Unqualified).");
            }
        }
        String scoreCell = cell(cells, ImportField.LEAD_SCORE);
        Integer score = null;
        if (scoreCell != null) {
            score = wholeNumber(scoreCell);
            if (score == null) {
                return new Rejected(line, "Lead score: \"" + shortened(scoreCell) + "\" is not a whole number from 0 to 100.");
            }
        }
        String ownerCell = cell(cells, ImportField.OWNER);
        Long ownerId = null;
        if (ownerCell != null) {
            ownerId = owners.get(ownerCell.toLowerCase(Locale.ROOT));
            if (ownerId == null) {
                return new Rejected(line, "Owner: there is no user \"" + shortened(ownerCell) + "\".");
            }
        }
        String firstName = cell(cells, ImportField.FIRST_NAME);
        String lastName = cell(cells, ImportField.LAST_NAME);
        ContactDraft draft = new ContactDraft(firstName == null ? SOME_NAME : firstName,
                lastName == null ? SOME_NAME : lastName, email, cell(cells, ImportField.PHONE),
                cell(cells, ImportField.COMPANY), cell(cells, ImportField.TITLE), cell(cells, ImportField.CITY),
                cell(cells, ImportField.COUNTRY), status == null ? ContactStatus.LEAD : status, score == null ? 0 : score,
                ownerId);
        Set<ConstraintViolation<ContactDraft>> violations = plainlyValid(draft) ? Set.of() : validator.validate(draft);
        if (!violations.isEmpty()) {
            return new Rejected(line, describe(violations));
        }
        return new Valid(new StagedRow(line, email, email.toLowerCase(Locale.ROOT), firstName, lastName, draft.phone(),
                draft.company(), draft.title(), draft.city(), draft.country(), status == null ? null : status.name(), score,
                ownerId, missingName(firstName, lastName)));
    }

    /**
     * Whether the draft meets every constraint of {@link ContactDraft}, checked directly: the validator
     * costs some 20 µs a row, most of a million-row import's reading time, and nearly every row is
     * valid. The same limits and the same e-mail check ({@code @Email}'s own validator); a row this
     * refuses goes to the validator, for its messages. {@code RowCheckerTest} keeps this and the
     * draft's constraints the same.
     */
    static boolean plainlyValid(ContactDraft draft) {
        return fits(draft.firstName(), ContactDraft.NAME_MAX_LENGTH) && !draft.firstName().isBlank()
                && fits(draft.lastName(), ContactDraft.NAME_MAX_LENGTH) && !draft.lastName().isBlank()
                && fits(draft.email(), ContactDraft.EMAIL_MAX_LENGTH) && !draft.email().isBlank()
                && EMAIL.isValid(draft.email(), null)
                && fits(draft.phone(), ContactDraft.PHONE_MAX_LENGTH)
                && fits(draft.company(), ContactDraft.COMPANY_MAX_LENGTH)
                && fits(draft.title(), ContactDraft.TITLE_MAX_LENGTH)
                && fits(draft.city(), ContactDraft.PLACE_MAX_LENGTH)
                && fits(draft.country(), ContactDraft.PLACE_MAX_LENGTH)
                && draft.status() != null
                && draft.leadScore() != null && draft.leadScore() >= 0 && draft.leadScore() <= 100;
    }

    private static boolean fits(@Nullable String value, int maxLength) {
        return value == null || value.length() <= maxLength;
    }

    private static @Nullable String missingName(@Nullable String firstName, @Nullable String lastName) {
        if (firstName == null && lastName == null) {
            return "No first or last name: a new contact needs both.";
        }
        if (firstName == null) {
            return "No first name: a new contact needs one.";
        }
        return lastName == null ? "No last name: a new contact needs one." : null;
    }

    /** "E-mail: Enter a valid e-mail address. Company: At most 150 characters.", in the order of the fields. */
    private static String describe(Set<ConstraintViolation<ContactDraft>> violations) {
        return violations.stream()
                .sorted(Comparator.comparing(v -> fieldOf(v).ordinal()))
                .map(v -> fieldOf(v).label() + ": " + v.getMessage())
                .distinct()
                .collect(Collectors.joining(" "));
    }

    private static ImportField fieldOf(ConstraintViolation<ContactDraft> violation) {
        return FIELD_OF_PROPERTY.getOrDefault(violation.getPropertyPath().toString(), ImportField.EMAIL);
    }

    /**
     * The cell of the field's column, without surrounding spaces or the apostrophe an export puts before
     * a cell like "+44 …" (so that spreadsheets show it as text); null if blank or not mapped.
     */
    private @Nullable String cell(List<String> cells, ImportField field) {
        int column = columnOf[field.ordinal()];
        if (column < 0 || column >= cells.size()) {
            return null;
        }
        String value = FormulaEscaping.unescape(cells.get(column).strip());
        return value.isEmpty() ? null : value;
    }

    private static @Nullable Integer wholeNumber(String cell) {
        if (cell.length() > 9 || !cell.chars().allMatch(Character::isDigit) && !(cell.startsWith("-")
                && cell.length() > 1 && cell.substring(1).chars().allMatch(Character::isDigit))) {
            return null;
        }
        return Integer.parseInt(cell);
    }

    private static String shortened(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 39) + "…";
    }

    /** Users by username, and by display name where no two share it; both without case. */
    private static Map<String, Long> owners(List<UserSummary> users) {
        Map<String, Long> byName = new HashMap<>();
        Map<String, Long> byDisplayName = new HashMap<>();
        Set<String> sharedDisplayNames = new java.util.HashSet<>();
        for (UserSummary user : users) {
            byName.put(user.username().toLowerCase(Locale.ROOT), user.id());
            String displayName = user.displayName().strip().toLowerCase(Locale.ROOT);
            if (byDisplayName.putIfAbsent(displayName, user.id()) != null) {
                sharedDisplayNames.add(displayName);
            }
        }
        sharedDisplayNames.forEach(byDisplayName::remove);
        byDisplayName.forEach(byName::putIfAbsent);
        return byName;
    }
}
