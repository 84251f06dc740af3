package org.leadcrm.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The app's notifications, in one place so they look and last the same everywhere. */
public final class Notifications {

    private static final int SUCCESS_MS = 5000;
    private static final int ERROR_MS = 8000;

    private Notifications() {
    }

    public static Notification success(String message) {
        return show(message, SUCCESS_MS, NotificationVariant.LUMO_SUCCESS);
    }

    public static Notification error(String message) {
        return show(message, ERROR_MS, NotificationVariant.LUMO_ERROR);
    }

    public static Notification info(String message) {
        return show(message, SUCCESS_MS, NotificationVariant.LUMO_CONTRAST);
    }

    private static Notification show(String message, int durationMs, NotificationVariant variant) {
        Notification notification = Notification.show(message, durationMs, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(variant);
        return notification;
    }
}
