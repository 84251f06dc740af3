package org.leadcrm.imports.ui;

import org.leadcrm.base.ui.BackgroundOperation;
import org.leadcrm.imports.ContactImportService;
import org.leadcrm.list.ListService;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Opens the import wizard. The largest file it accepts is the one Spring's multipart settings allow
 * ({@code spring.servlet.multipart.max-file-size}), so the wizard tells the user the limit the
 * server enforces, and refuses a larger file before sending it.
 */
@Component
public class ImportContacts {

    private final ContactImportService imports;
    private final ListService lists;
    private final UserService users;
    private final BackgroundOperation background;
    private final CurrentUser currentUser;
    private final DataSize maxFileSize;

    ImportContacts(ContactImportService imports, ListService lists, UserService users, BackgroundOperation background,
            CurrentUser currentUser, @Value("${spring.servlet.multipart.max-file-size:200MB}") DataSize maxFileSize) {
        this.imports = imports;
        this.lists = lists;
        this.users = users;
        this.background = background;
        this.currentUser = currentUser;
        this.maxFileSize = maxFileSize;
    }

    /** @param onImported run in the page after an import, to show the new contacts */
    public void open(Runnable onImported) {
        new ImportWizard(imports, lists, users, background, currentUser, maxFileSize.toBytes(), onImported).open();
    }
}
