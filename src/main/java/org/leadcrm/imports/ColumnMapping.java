package org.leadcrm.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.leadcrm.base.UserFacingException;

/**
 * Which field each column of the file fills, by the column's index (from 0); a column with none is
 * ignored. Each field is filled from one column at most, and e-mail is required: it is what tells a
 * new contact from an existing one.
 */
public record ColumnMapping(Map<Integer, ImportField> fields) {

    public ColumnMapping {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** Each column whose header a field is known by, mapped to it; when two columns match one field, the first. */
    public static ColumnMapping fromHeader(List<String> header) {
        Map<Integer, ImportField> fields = new TreeMap<>();
        Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
        for (int column = 0; column < header.size(); column++) {
            Optional<ImportField> field = ImportField.forHeader(header.get(column));
            if (field.isPresent() && taken.add(field.get())) {
                fields.put(column, field.get());
            }
        }
        return new ColumnMapping(fields);
    }

    public Optional<ImportField> fieldOf(int column) {
        return Optional.ofNullable(fields.get(column));
    }

    /** The column that fills {@code field}, or -1. */
    public int columnOf(ImportField field) {
        return fields.entrySet().stream().filter(e -> e.getValue() == field).mapToInt(Map.Entry::getKey).findFirst()
                .orElse(-1);
    }

    /** What is wrong with the mapping for a file of this many columns, for the user; empty when nothing is. */
    public List<String> problems(int columns) {
        List<String> problems = new ArrayList<>();
        if (columnOf(ImportField.EMAIL) < 0) {
            problems.add("Choose the column that holds the e-mail addresses: e-mail is required.");
        }
        Set<ImportField> seen = EnumSet.noneOf(ImportField.class);
        for (ImportField field : fields.values()) {
            if (!seen.add(field)) {
                problems.add(field.label() + " is chosen for more than one column.");
            }
        }
        if (fields.keySet().stream().anyMatch(column -> column < 0 || column >= columns)) {
            problems.add("The file has no such column.");
        }
        return problems;
    }

    void requireValid(int columns) {
        List<String> problems = problems(columns);
        if (!problems.isEmpty()) {
            throw new UserFacingException(String.join(" ", problems));
        }
    }
}
