package org.leadcrm.export.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.leadcrm.base.ui.ErrorMessages;
import org.leadcrm.base.ui.Notifications;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.export.ContactExportService;
import org.leadcrm.export.ExportFileName;
import org.leadcrm.security.CurrentUser;
import org.leadcrm.security.Permission;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Makes the views' "Export CSV" links. Each is a Vaadin download handler: the browser's request for
 * the file goes through Spring Security like any other (so the service runs as the signed-in user),
 * and Vaadin calls the handler without the session's lock, so it reads the view only through what it
 * was given — an id, or a supplier of an immutable selection that the view keeps up to date — and
 * never touches a component.
 */
@Component
public class ExportLinks {

    private static final String CSV = "text/csv;charset=UTF-8";

    private final ContactExportService exports;
    private final CurrentUser currentUser;
    private final Clock clock;

    ExportLinks(ContactExportService exports, CurrentUser currentUser, Clock clock) {
        this.exports = exports;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whether the signed-in user may export: views show no link to anyone else. */
    public boolean allowed() {
        return currentUser.has(Permission.EXPORT_CONTACTS);
    }

    /**
     * A link to the contacts of the selection as it is when the link is clicked.
     *
     * @param selection read on the request thread: must return an immutable value, such as a
     *                  volatile field's
     */
    public ExportLink selection(Supplier<BulkSelection> selection, String text, String tooltip) {
        return new ExportLink(download(null, out -> exports.exportSelection(selection.get(), out)), text, tooltip);
    }

    /** A link to the list's members as they are when the link is clicked, in a file named after the list. */
    public ExportLink list(long listId, String listName, String text, String tooltip) {
        return new ExportLink(download(listName, out -> exports.exportList(listId, out)), text, tooltip);
    }

    private interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    private DownloadHandler download(@Nullable String listName, Export export) {
        return event -> {
            event.setFileName(ExportFileName.of(listName, LocalDate.now(clock)));
            event.setContentType(CSV);
            try {
                export.writeTo(event.getOutputStream());
            } catch (RuntimeException e) {
                refuse(event, e);
            }
        };
    }

    /**
     * Tells the page why there is no file. Before the first bytes went out the browser gets an error
     * status instead of a file; after, the connection must break, or it would keep half a file as whole.
     */
    private static void refuse(DownloadEvent event, RuntimeException e) throws IOException {
        String message = ErrorMessages.messageFor(e);
        UI ui = event.getUI();
        if (ui != null) {
            ui.access(() -> Notifications.error(message));
        }
        if (event.getResponse() instanceof HttpServletResponse http && http.isCommitted()) {
            throw e;
        }
        event.getResponse().sendError(e instanceof AccessDeniedException ? HttpStatusCode.FORBIDDEN.getCode()
                : HttpStatusCode.INTERNAL_SERVER_ERROR.getCode(), message);
    }
}
