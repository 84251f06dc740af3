package org.leadcrm.opportunity;

import org.springframework.lang.Nullable;

/** What the Opportunities view narrows by: the start of the name, a stage, an owner. */
public record OpportunityFilter(@Nullable String search, @Nullable OpportunityStage stage, @Nullable Long ownerId) {

    public static final OpportunityFilter ALL = new OpportunityFilter(null, null, null);

    public OpportunityFilter withSearch(@Nullable String value) {
        return new OpportunityFilter(value, stage, ownerId);
    }

    public OpportunityFilter withStage(@Nullable OpportunityStage value) {
        return new OpportunityFilter(search, value, ownerId);
    }

    public OpportunityFilter withOwnerId(@Nullable Long value) {
        return new OpportunityFilter(search, stage, value);
    }
}
