package org.leadcrm.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words of the demo data that datafaker does not make well: its job titles are comic ("Human
 * Farming Developer"), and e-mail addresses need plain ASCII slugs of names that are not.
 */
final class Vocabulary {

    static final List<String> JOB_TITLES = List.of(
            "CEO", "CFO", "CTO", "COO", "Founder", "Managing Director", "VP Sales", "VP Marketing",
            "Head of Sales", "Head of Marketing", "Head of Procurement", "Head of IT", "IT Director",
            "Sales Director", "Marketing Director", "Operations Manager", "Procurement Manager",
            "Purchasing Manager", "Account Executive", "Account Manager", "Business Development Manager",
            "Marketing Manager", "Product Manager", "Project Manager", "Office Manager", "HR Manager",
            "Finance Manager", "Controller", "Software Engineer", "Solutions Architect", "Data Analyst",
            "IT Administrator", "Customer Success Manager", "Partner Manager", "Event Manager",
            "Content Marketing Manager", "Demand Generation Manager", "Sales Operations Analyst",
            "Chief Revenue Officer", "Assistant to the CEO");

    static final List<String> DEALS = List.of(
            "Annual subscription", "Platform expansion", "Pilot project", "Renewal", "Enterprise licence",
            "Onboarding package", "Support upgrade", "Multi-year agreement", "Additional seats",
            "Data migration", "Integration project", "Training programme");

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Vocabulary() {
    }

    /** Lower-case ASCII letters and digits only: "Åsa-Märta" becomes "asamarta". */
    static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                // letters that Unicode does not decompose into a base letter and a mark
                .replace("ß", "ss").replace("ł", "l").replace("ø", "o").replace("æ", "ae").replace("œ", "oe");
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_SLUG.matcher(plain).replaceAll("");
    }

    /** A believable web domain for a company: "Sporer, Oberbrunner and McDermott" in the US gets sporer.com. */
    static String domain(String companyName, String tld) {
        String[] words = companyName.split("[\\s,.&'-]+");
        StringBuilder name = new StringBuilder();
        for (String word : words) {
            name.append(slug(word));
            if (name.length() >= 4) {
                break;
            }
        }
        return (name.isEmpty() ? "company" : name.toString()) + "." + tld;
    }
}
