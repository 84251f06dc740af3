package org.leadcrm.demo;

import java.util.List;
import java.util.Locale;

/**
 * A country demo contacts live in.
 *
 * @param locale      where datafaker takes names, companies and phone numbers from
 * @param callingCode the country's telephone prefix, for the generator's cheap phone numbers
 * @param tld         the ending of company web domains there
 * @param weight      share of contacts in percent; the weights of {@link Markets#ALL} add up to 100
 * @param cities      real cities: datafaker's are mostly invented ("East Tiffaniport"), and list
 *                    rules on a city should find the city a user would type
 */
record Market(String country, Locale locale, String callingCode, String tld, int weight, List<String> cities) {
}
