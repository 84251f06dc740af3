package org.leadcrm.imports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.TemporaryFileUploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.File;
import java.util.List;
import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.base.ui.Counts;
import org.leadcrm.imports.ContactImportService;
import org.leadcrm.imports.CsvLayout;
import org.leadcrm.imports.Delimiter;
import org.leadcrm.imports.FileEncoding;
import org.leadcrm.imports.ImportPreview;
import org.leadcrm.imports.ImportRequest;
import org.leadcrm.list.ListService;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.UserService;
import org.springframework.lang.Nullable;

/**
 * The import wizard (PRODUCT.md, "Import contacts from CSV"): upload → preview → columns → options,
 * then the import runs in the background with its progress, and its result opens. The dialog only
 * collects the user's choices; the service decides. The uploaded file is deleted when the wizard
 * closes without importing, or once the import is over.
 */
class ImportWizard extends Dialog {

    enum Step {
        UPLOAD("Upload"), PREVIEW("Preview"), COLUMNS("Columns"), OPTIONS("Options");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    final Upload upload;
    final Select<FileEncoding> encoding = new Select<>();
    final Select<Delimiter> delimiter = new Select<>();
    final Grid<List<String>> previewGrid = new Grid<>();
    final Paragraph fileFacts = new Paragraph();
    final Paragraph warning = new Paragraph();
    final Paragraph error = new Paragraph();
    final Span reading = new Span();
    final ColumnsStep columns = new ColumnsStep();
    final OptionsStep options;
    final Button cancel = new Button("Cancel");
    final Button back = new Button("Back");
    final Button next = new Button("Next");
    final Button importButton = new Button("Import");

    private final ContactImportService imports;
    private final ListService lists;
    private final BackgroundOperation background;
    private final Runnable onImported;
    private final HorizontalLayout steps = new HorizontalLayout();
    private final Div body = new Div();
    private final Div uploadStep = new Div();
    private final Div previewStep = new Div();
    private final ProgressBar readingBar = new ProgressBar();
    private final HorizontalLayout readingRow = new HorizontalLayout();
    private Step step = Step.UPLOAD;
    private @Nullable UploadedFile uploaded;
    private @Nullable ImportPreview preview;
    private boolean showingPreview;
    private boolean handedOver;

    ImportWizard(ContactImportService imports, ListService lists, UserService users, BackgroundOperation background,
            CurrentUser currentUser, long maxFileSize, Runnable onImported) {
        this.imports = imports;
        this.lists = lists;
        this.background = background;
        this.onImported = onImported;
        this.options = new OptionsStep(lists, users, currentUser);
        addClassName("import-wizard");
        setHeaderTitle("Import contacts");
        setCloseOnOutsideClick(false);
        setWidth("min(56rem, 96vw)");
        setMaxHeight("92vh");

        TemporaryFileUploadHandler toTempFile = new TemporaryFileUploadHandler(this::received) {
            // The same limits as Spring's multipart settings, for the path on which Vaadin reads the upload itself.
            @Override
            public long getFileSizeMax() {
                return maxFileSize;
            }

            @Override
            public long getRequestSizeMax() {
                return maxFileSize + 1024 * 1024;
            }
        };
        upload = new Upload(toTempFile);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxFileSize));
        upload.setAcceptedFileTypes(".csv", ".txt", ".tsv", "text/csv", "text/plain", "text/tab-separated-values");
        upload.setWidthFull();
        upload.addFileRejectedListener(e -> showError(e.getErrorMessage().toLowerCase().contains("too big")
                ? "The file is larger than " + UploadedFile.megabytes(maxFileSize) + ", the most that can be imported at once."
                : e.getErrorMessage()));
        upload.addFailedListener(e -> showError("The upload did not finish. Try again."));
        buildUploadStep(maxFileSize);
        buildPreviewStep();

        steps.addClassName("wizard-steps");
        body.addClassName("wizard-body");
        body.setWidthFull();
        error.addClassName("form-error");
        warning.addClassName("sync-note");
        add(steps, body, error);

        back.addClickListener(e -> show(Step.values()[step.ordinal() - 1]));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> forward());
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(e -> startImport());
        cancel.addClickListener(e -> close());
        Span spacer = new Span();
        spacer.addClassName("footer-spacer");
        getFooter().add(cancel, spacer, back, next, importButton);
        columns.onChange(this::updateButtons);

        // Whatever way the wizard goes without importing (Cancel, Esc, leaving the page), the file goes too.
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardUpload();
            }
        });
        addDetachListener(e -> discardUpload());
        show(Step.UPLOAD);
    }

    private void buildUploadStep(long maxFileSize) {
        Paragraph what = new Paragraph("Choose a CSV file with a header row and a row per contact, as Excel, Google "
                + "Sheets or another CRM exports it: UTF-8 or Windows-1252, separated by commas, semicolons or tabs. "
                + "Each row needs an e-mail address; it tells new contacts from existing ones.");
        Paragraph limit = new Paragraph("At most " + UploadedFile.megabytes(maxFileSize)
                + " per file (about a million rows).");
        limit.addClassName("hint");
        limit.addClassName("upload-limit");
        readingBar.setIndeterminate(true);
        readingRow.add(reading, readingBar);
        readingRow.setAlignItems(FlexComponent.Alignment.CENTER);
        readingRow.addClassName("reading");
        readingRow.setVisible(false);
        uploadStep.add(what, upload, limit, readingRow);
    }

    private void buildPreviewStep() {
        encoding.setLabel("Encoding");
        encoding.setItems(FileEncoding.values());
        encoding.setItemLabelGenerator(FileEncoding::label);
        encoding.setWidth("20rem");
        delimiter.setLabel("Delimiter");
        delimiter.setItems(Delimiter.values());
        delimiter.setItemLabelGenerator(Delimiter::label);
        delimiter.setWidth("12rem");
        encoding.addValueChangeListener(e -> {
            if (!showingPreview) {
                reread();
            }
        });
        delimiter.addValueChangeListener(e -> {
            if (!showingPreview) {
                reread();
            }
        });
        HorizontalLayout layout = new HorizontalLayout(encoding, delimiter);
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        fileFacts.addClassName("hint");
        previewGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        previewGrid.addClassName("import-preview");
        previewGrid.setAllRowsVisible(true);
        previewGrid.setWidthFull();
        previewStep.add(fileFacts, layout, warning, previewGrid);
    }

    Step step() {
        return step;
    }

    /** The file received from the browser (in the page, after the upload). */
    private void received(UploadMetadata metadata, File file) {
        discardUpload();
        handedOver = false;
        uploaded = new UploadedFile(file.toPath(), metadata.fileName(), file.length());
        read(null);
    }

    private void reread() {
        read(new CsvLayout(encoding.getValue(), delimiter.getValue()));
    }

    /** Reads the file's first rows on a worker thread: checking its encoding reads all of it. */
    private void read(@Nullable CsvLayout layout) {
        UploadedFile file = uploaded;
        if (file == null) {
            return;
        }
        clearError();
        reading.setText("Reading " + file.describe() + "…");
        readingRow.setVisible(true);
        next.setEnabled(false);
        background.load(() -> imports.preview(file.path(), layout), shown -> {
            readingRow.setVisible(false);
            if (file == uploaded) {
                showPreview(shown);
            }
        }, message -> {
            readingRow.setVisible(false);
            showError(message);
            updateButtons();
        });
    }

    private void showPreview(ImportPreview shown) {
        boolean sameHeader = preview != null && preview.header().equals(shown.header());
        preview = shown;
        showingPreview = true;
        encoding.setValue(shown.layout().encoding());
        delimiter.setValue(shown.layout().delimiter());
        showingPreview = false;
        UploadedFile file = uploaded;
        fileFacts.setText((file == null ? "" : file.describe() + " · ") + "about "
                + Counts.of(shown.estimatedRows(), "row", "rows") + " below the header · detected: "
                + shown.detected().encoding().label() + ", " + shown.detected().delimiter().description());
        boolean garbled = !shown.validUtf8() && shown.layout().encoding() == FileEncoding.UTF_8;
        warning.setText("This file is not valid UTF-8: read as UTF-8, its accents come out wrong, and the import "
                + "stops at the first such row. It was probably saved as Windows-1252.");
        warning.setVisible(garbled);
        previewGrid.removeAllColumns();
        List<String> header = shown.header();
        for (int i = 0; i < header.size(); i++) {
            int column = i;
            previewGrid.addColumn(row -> row.get(column)).setHeader(header.get(i)).setAutoWidth(true).setResizable(true)
                    .setKey("column-" + i);
        }
        previewGrid.setItems(shown.rows());
        if (!sameHeader) {
            columns.show(shown);
        }
        if (step == Step.UPLOAD) {
            show(Step.PREVIEW);
        } else {
            updateButtons();
        }
    }

    private void forward() {
        if (step == Step.PREVIEW && preview != null && preview.rows().isEmpty()) {
            showError("The file has a header but no rows below it: there is nothing to import.");
            return;
        }
        show(Step.values()[step.ordinal() + 1]);
    }

    void show(Step shown) {
        step = shown;
        clearError();
        steps.removeAll();
        for (Step each : Step.values()) {
            Span label = new Span((each.ordinal() + 1) + " " + each.label);
            label.addClassName("wizard-step");
            if (each == shown) {
                label.addClassName("current");
            } else if (each.ordinal() < shown.ordinal()) {
                label.addClassName("done");
            }
            steps.add(label);
        }
        Component content = switch (shown) {
            case UPLOAD -> uploadStep;
            case PREVIEW -> previewStep;
            case COLUMNS -> columns;
            case OPTIONS -> options;
        };
        body.removeAll();
        body.add(content);
        updateButtons();
    }

    private void updateButtons() {
        back.setVisible(step != Step.UPLOAD);
        next.setVisible(step != Step.OPTIONS);
        importButton.setVisible(step == Step.OPTIONS);
        boolean ready = preview != null && uploaded != null;
        next.setEnabled(ready && (step != Step.COLUMNS || columns.problems().isEmpty()));
        if (step == Step.COLUMNS) {
            columns.showProblems();
        }
    }

    private void startImport() {
        UploadedFile file = uploaded;
        ImportPreview shown = preview;
        String refused = options.problem();
        if (file == null || shown == null) {
            return;
        }
        if (refused != null) {
            showError(refused);
            return;
        }
        ImportRequest request = new ImportRequest(shown.layout(), columns.mapping(), options.options());
        handedOver = true;
        close();
        background.run(Math.max(1, shown.estimatedRows()), "Importing " + file.name(), progress -> {
            try {
                return imports.importContacts(file.path(), request, progress);
            } finally {
                file.delete();
            }
        }, result -> {
            new ImportResultDialog(result, file.name()).open();
            onImported.run();
        });
    }

    /** The uploaded file and the page's copy of its preview, once the wizard will not import it. */
    private void discardUpload() {
        if (uploaded != null && !handedOver) {
            uploaded.delete();
        }
    }

    /** The uploaded file, for tests to check that it is gone. */
    @Nullable
    UploadedFile uploaded() {
        return uploaded;
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void clearError() {
        error.setText("");
        error.setVisible(false);
    }
}
