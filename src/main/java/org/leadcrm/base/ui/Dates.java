package org.leadcrm.base.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates and times as the views show them, in the application clock's time zone. */
@Component
public class Dates {

    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter dateTimeToTheMinute;

    Dates(Clock clock) {
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US).withZone(clock.getZone());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.US)
                .withZone(clock.getZone());
        this.dateTimeToTheMinute = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.US).withZone(clock.getZone());
    }

    /** "Jun 2, 2025" */
    public String date(Instant instant) {
        return date.format(instant);
    }

    /** "Jun 2, 2025, 9:00:00 AM" */
    public String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    /** "Jun 2, 2025, 9:00 AM": for when something last happened, where seconds are noise. */
    public String dateTimeToTheMinute(Instant instant) {
        return dateTimeToTheMinute.format(instant);
    }
}
