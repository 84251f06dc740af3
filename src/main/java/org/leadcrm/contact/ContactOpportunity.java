package org.leadcrm.contact;

import java.math.BigDecimal;

/** An opportunity a contact is a lead of, as the contact's page lists it. */
public record ContactOpportunity(long id, String name, String stage, BigDecimal amount) {
}
