package org.leadcrm.demo;

import java.util.List;
import java.util.Locale;

/** The countries of the demo data, weighted like a European-American B2B customer base. */
final class Markets {

    static final List<Market> ALL = List.of(
            new Market("United States", Locale.US, "+1", "com", 28, List.of(
                    "New York", "San Francisco", "Chicago", "Austin", "Boston", "Seattle", "Denver", "Atlanta",
                    "Los Angeles", "Miami")),
            new Market("United Kingdom", Locale.UK, "+44", "co.uk", 13, List.of(
                    "London", "Manchester", "Birmingham", "Leeds", "Edinburgh", "Glasgow", "Bristol", "Cambridge")),
            new Market("Germany", Locale.GERMANY, "+49", "de", 14, List.of(
                    "Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart", "Düsseldorf", "Leipzig")),
            new Market("France", Locale.FRANCE, "+33", "fr", 8, List.of(
                    "Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes", "Nice")),
            new Market("Canada", Locale.CANADA, "+1", "ca", 6, List.of(
                    "Toronto", "Vancouver", "Montreal", "Calgary", "Ottawa", "Edmonton", "Winnipeg")),
            new Market("Netherlands", new Locale("nl", "NL"), "+31", "nl", 6, List.of(
                    "Amsterdam", "Rotterdam", "Utrecht", "The Hague", "Eindhoven", "Groningen")),
            new Market("Australia", new Locale("en", "AU"), "+61", "com.au", 5, List.of(
                    "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra")),
            new Market("Spain", new Locale("es", "ES"), "+34", "es", 5, List.of(
                    "Madrid", "Barcelona", "Valencia", "Seville", "Bilbao", "Málaga")),
            new Market("Sweden", new Locale("sv", "SE"), "+46", "se", 4, List.of(
                    "Stockholm", "Gothenburg", "Malmö", "Uppsala", "Linköping")),
            new Market("Italy", Locale.ITALY, "+39", "it", 4, List.of(
                    "Milan", "Rome", "Turin", "Bologna", "Florence", "Naples")),
            new Market("Austria", new Locale("de", "AT"), "+43", "at", 3, List.of(
                    "Vienna", "Graz", "Linz", "Salzburg", "Innsbruck")),
            new Market("Switzerland", new Locale("de", "CH"), "+41", "ch", 2, List.of(
                    "Zurich", "Geneva", "Basel", "Bern", "Lausanne")),
            new Market("Poland", new Locale("pl", "PL"), "+48", "pl", 2, List.of(
                    "Warsaw", "Kraków", "Wrocław", "Gdańsk", "Poznań")));

    private Markets() {
    }

    /** The market at {@code percent} (0–99) of the cumulative weights. */
    static Market at(int percent) {
        int cumulative = 0;
        for (Market market : ALL) {
            cumulative += market.weight();
            if (percent < cumulative) {
                return market;
            }
        }
        return ALL.get(ALL.size() - 1);
    }
}
