package org.leadcrm.imports.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadcrm.imports.ColumnMapping;
import org.leadcrm.imports.ImportField;
import org.leadcrm.imports.ImportPreview;

/**
 * The columns step: each column of the file with an example value and the field it fills, matched
 * from its header and changeable; a column may be left out. E-mail is required, and no field may be
 * filled from two columns.
 */
class ColumnsStep extends Div {

    static final String DO_NOT_IMPORT = "Don't import";

    final List<Select<ImportField>> fields = new ArrayList<>();
    final Paragraph problems = new Paragraph();
    private final Div table = new Div();
    private Runnable onChange = () -> { };
    private int columnCount;

    ColumnsStep() {
        addClassName("import-columns");
        Paragraph what = new Paragraph("Each column of the file fills the field chosen for it; the fields were matched "
                + "from the headers. Choose \"" + DO_NOT_IMPORT + "\" to leave a column out. Cells left blank never "
                + "erase what an existing contact has.");
        table.addClassName("mapping-table");
        problems.addClassName("form-error");
        add(what, table, problems);
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Shows the columns of a file, each set to the field its header suggests. */
    void show(ImportPreview preview) {
        table.removeAll();
        fields.clear();
        columnCount = preview.header().size();
        for (String heading : List.of("Column in the file", "Example", "Imported as")) {
            Span cell = new Span(heading);
            cell.addClassName("mapping-heading");
            table.add(cell);
        }
        for (int column = 0; column < columnCount; column++) {
            Span header = new Span(preview.header().get(column));
            header.addClassName("mapping-header");
            Span example = new Span(example(preview.rows(), column));
            example.addClassName("mapping-example");
            Select<ImportField> field = new Select<>();
            field.setItems(ImportField.values());
            field.setItemLabelGenerator(f -> f == null ? DO_NOT_IMPORT : f.label());
            field.setEmptySelectionAllowed(true);
            field.setEmptySelectionCaption(DO_NOT_IMPORT);
            field.setAriaLabel("Field for the column " + preview.header().get(column));
            field.setValue(preview.suggestedMapping().fieldOf(column).orElse(null));
            field.addValueChangeListener(e -> onChange.run());
            field.setWidthFull();
            fields.add(field);
            table.add(header, example, field);
        }
        showProblems();
    }

    ColumnMapping mapping() {
        Map<Integer, ImportField> chosen = new TreeMap<>();
        for (int column = 0; column < fields.size(); column++) {
            ImportField field = fields.get(column).getValue();
            if (field != null) {
                chosen.put(column, field);
            }
        }
        return new ColumnMapping(chosen);
    }

    List<String> problems() {
        return mapping().problems(columnCount);
    }

    void showProblems() {
        List<String> found = problems();
        problems.setText(String.join(" ", found));
        problems.setVisible(!found.isEmpty());
    }

    /** The first non-blank cell of the column in the preview, shortened. */
    private static String example(List<List<String>> rows, int column) {
        return rows.stream().map(row -> row.get(column).strip()).filter(cell -> !cell.isEmpty()).findFirst()
                .map(cell -> cell.length() <= 40 ? cell : cell.substring(0, 39) + "…")
                .orElse("—");
    }
}
