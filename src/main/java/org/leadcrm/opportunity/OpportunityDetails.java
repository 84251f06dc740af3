package org.leadcrm.opportunity;

import java.util.List;
import org.springframework.lang.Nullable;

/** An opportunity as its form shows it, with its leads named and the version a save is made against. */
public record OpportunityDetails(long id, long version, OpportunityDraft fields, @Nullable String ownerName,
        List<Lead> leads) {

    /** A lead of the opportunity, among the contacts the user may see. */
    public record Lead(long contactId, String name, String email) {
    }
}
