package org.leadcrm.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.leadcrm.base.SearchText;

/** Search boxes look and behave alike everywhere: an icon, a clear button, the length limit, and a short pause before searching. */
public final class SearchFields {

    private SearchFields() {
    }

    /** Sets up {@code field} as a search box; {@code placeholder} says what it searches. */
    public static TextField configure(TextField field, String placeholder, String ariaLabel) {
        field.setPlaceholder(placeholder);
        field.setAriaLabel(ariaLabel);
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.setMaxLength(SearchText.MAX_LENGTH);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        return field;
    }
}
