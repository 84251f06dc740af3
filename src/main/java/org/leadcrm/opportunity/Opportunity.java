package org.leadcrm.opportunity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** A deal, with the contacts who are its leads. */
@Entity
@Table(name = "opportunity")
class Opportunity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private OpportunityStage stage;

    @Column(name = "close_date")
    private LocalDate closeDate;

    @Column(name = "owner_id")
    private Long ownerId;

    @ElementCollection
    @CollectionTable(name = "opportunity_contact", joinColumns = @JoinColumn(name = "opportunity_id"))
    @Column(name = "contact_id")
    private Set<Long> leadIds = new HashSet<>();

    @Version
    private long version;

    protected Opportunity() {
    }

    Opportunity(OpportunityDraft draft) {
        apply(draft);
    }

    void apply(OpportunityDraft draft) {
        this.name = draft.name().strip();
        this.amount = draft.amount();
        this.stage = draft.stage();
        this.closeDate = draft.closeDate();
        this.ownerId = draft.ownerId();
        this.leadIds.clear();
        this.leadIds.addAll(draft.leadIds());
    }

    Long getId() {
        return id;
    }

    Long getOwnerId() {
        return ownerId;
    }

    long getVersion() {
        return version;
    }
}
