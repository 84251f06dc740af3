package org.leadcrm.list;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.leadcrm.contact.ContactStatus;

/** A named group of contacts: manual, or rule-based (Manual off). */
@Entity
@Table(name = "contact_list")
class ContactList {

    static final int NAME_MAX_LENGTH = 100;
    static final int DESCRIPTION_MAX_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "name_key")
    private String nameKey;

    private String description;

    private boolean manual;

    @Column(name = "rule_company")
    private String ruleCompany;
    @Column(name = "rule_city")
    private String ruleCity;
    @Column(name = "rule_country")
    private String ruleCountry;
    @Enumerated(EnumType.STRING)
    @Column(name = "rule_status")
    private ContactStatus ruleStatus;
    @Column(name = "rule_owner_id")
    private Long ruleOwnerId;
    @Column(name = "rule_min_score")
    private Integer ruleMinScore;
    @Column(name = "rule_max_score")
    private Integer ruleMaxScore;
    @Column(name = "rule_created_from")
    private LocalDate ruleCreatedFrom;
    @Column(name = "rule_created_to")
    private LocalDate ruleCreatedTo;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected ContactList() {
    }

    ContactList(ListDraft draft, String createdBy, Instant createdAt) {
        this.manual = draft.manual();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        update(draft);
    }

    void update(ListDraft draft) {
        this.name = draft.name().strip();
        this.nameKey = nameKey(draft.name());
        this.description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
        setRules(manual ? ListRules.NONE : draft.rules());
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    boolean isManual() {
        return manual;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    ListRules getRules() {
        return new ListRules(ruleCompany, ruleCity, ruleCountry, ruleStatus, ruleOwnerId,
                ruleMinScore, ruleMaxScore, ruleCreatedFrom, ruleCreatedTo);
    }

    private void setRules(ListRules rules) {
        ruleCompany = rules.company();
        ruleCity = rules.city();
        ruleCountry = rules.country();
        ruleStatus = rules.status();
        ruleOwnerId = rules.ownerId();
        ruleMinScore = rules.minScore();
        ruleMaxScore = rules.maxScore();
        ruleCreatedFrom = rules.createdFrom();
        ruleCreatedTo = rules.createdTo();
    }
}
