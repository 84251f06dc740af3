package org.leadcrm.export.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * An "Export CSV" link, styled as a button (a download is a link: the browser fetches the file
 * itself, outside the page's round trips). Made by {@link ExportLinks}.
 */
public class ExportLink extends Anchor {

    private final Span label = new Span();

    ExportLink(DownloadHandler handler, String text, String tooltip) {
        setHref(handler, AttachmentType.DOWNLOAD);
        addClassName("button-link");
        add(VaadinIcon.DOWNLOAD_ALT.create(), label);
        describe(text, tooltip);
    }

    /** What the link says, and what its tooltip says it downloads. */
    public ExportLink describe(String text, String tooltip) {
        label.setText(text);
        getElement().setAttribute("title", tooltip);
        return this;
    }

    public String label() {
        return label.getText();
    }

    public String tooltip() {
        return getElement().getAttribute("title");
    }
}
