package org.leadcrm.imports;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contact fields a column of a file can fill, with the headers each is recognised by. Headers
 * are compared without case, accents, spaces or punctuation: "E-mail", "Email Address" and
 * "EMAIL_ADDRESS" all mean {@link #EMAIL}.
 */
public enum ImportField {
    EMAIL("E-mail", "email", "emailaddress", "mail", "emailadresse", "courriel", "correo", "primaryemail", "workemail"),
    FIRST_NAME("First name", "firstname", "first", "givenname", "forename", "prenom", "vorname", "nombre"),
    LAST_NAME("Last name", "lastname", "last", "surname", "familyname", "nom", "nachname", "apellido", "apellidos"),
    PHONE("Phone", "phone", "phonenumber", "telephone", "tel", "telefon", "telefono", "mobile", "mobilephone",
            "mobilenumber", "cell", "workphone", "businessphone"),
    COMPANY("Company", "company", "companyname", "organization", "organisation", "organizationname", "account",
            "accountname", "employer", "firma", "societe", "entreprise", "empresa"),
    TITLE("Job title", "title", "jobtitle", "position", "role"),
    CITY("City", "city", "town", "locality", "ville", "stadt", "ort", "ciudad"),
    COUNTRY("Country", "country", "countryregion", "countryname", "land", "pays", "pais"),
    STATUS("Status", "status", "leadstatus", "contactstatus"),
    LEAD_SCORE("Lead score", "leadscore", "score"),
    OWNER("Owner", "owner", "contactowner", "leadowner", "assignedto", "salesrep", "ownername");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]");

    private final String label;
    private final List<String> headers;

    ImportField(String label, String... headers) {
        this.label = label;
        this.headers = List.of(headers);
    }

    public String label() {
        return label;
    }

    /** The field a column of this header fills, if the header is one this field is known by. */
    public static Optional<ImportField> forHeader(String header) {
        String key = key(header);
        return Arrays.stream(values()).filter(field -> field.headers.contains(key)).findFirst();
    }

    /** "Prénom", "E-Mail Address" → "prenom", "emailaddress". */
    static String key(String header) {
        String plain = MARKS.matcher(Normalizer.normalize(header, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
