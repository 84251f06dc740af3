package org.leadcrm.opportunity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.lang.Nullable;

/** The fields of an opportunity that people fill in; the limits are the schema's. */
public record OpportunityDraft(
        @NotBlank(message = "Enter a name.") @Size(max = NAME_MAX_LENGTH, message = "At most {max} characters.") String name,
        @NotNull(message = "Enter an amount.")
        @DecimalMin(value = "0", message = "The amount cannot be negative.")
        @Digits(integer = 13, fraction = 2, message = "Enter an amount with at most two decimals.") BigDecimal amount,
        @NotNull(message = "Choose a stage.") OpportunityStage stage,
        @Nullable LocalDate closeDate,
        @Nullable Long ownerId,
        @NotEmpty(message = "Choose at least one lead.") Set<Long> leadIds) {

    public static final int NAME_MAX_LENGTH = 150;

    public static OpportunityDraft of(String name, BigDecimal amount, Set<Long> leadIds) {
        return new OpportunityDraft(name, amount, OpportunityStage.PROSPECTING, null, null, leadIds);
    }

    public OpportunityDraft withStage(OpportunityStage value) {
        return new OpportunityDraft(name, amount, value, closeDate, ownerId, leadIds);
    }

    public OpportunityDraft withOwnerId(@Nullable Long value) {
        return new OpportunityDraft(name, amount, stage, closeDate, value, leadIds);
    }

    public OpportunityDraft withLeadIds(Set<Long> value) {
        return new OpportunityDraft(name, amount, stage, closeDate, ownerId, value);
    }

    public OpportunityDraft withAmount(BigDecimal value) {
        return new OpportunityDraft(name, value, stage, closeDate, ownerId, leadIds);
    }
}
