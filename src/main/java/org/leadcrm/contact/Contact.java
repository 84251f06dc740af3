package org.leadcrm.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;

/** A person record: a lead while its status is {@link ContactStatus#LEAD}. */
@Entity
@Table(name = "contact")
class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = ContactDraft.NAME_MAX_LENGTH)
    @Column(name = "first_name")
    private String firstName;

    @NotBlank
    @Size(max = ContactDraft.NAME_MAX_LENGTH)
    @Column(name = "last_name")
    private String lastName;

    @NotBlank
    @Email
    @Size(max = ContactDraft.EMAIL_MAX_LENGTH)
    private String email;

    @Column(name = "email_key")
    private String emailKey;

    @Size(max = ContactDraft.PHONE_MAX_LENGTH)
    private String phone;

    @Size(max = ContactDraft.COMPANY_MAX_LENGTH)
    private String company;

    @Size(max = ContactDraft.TITLE_MAX_LENGTH)
    private String title;

    @Size(max = ContactDraft.PLACE_MAX_LENGTH)
    private String city;

    @Size(max = ContactDraft.PLACE_MAX_LENGTH)
    private String country;

    @NotNull
    @Enumerated(EnumType.STRING)
    private ContactStatus status = ContactStatus.LEAD;

    @Min(0)
    @Max(100)
    @Column(name = "lead_score")
    private int leadScore;

    @Column(name = "owner_id")
    private Long ownerId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "crm_system")
    private CrmSystem crmSystem = CrmSystem.NONE;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
    }

    Contact(ContactDraft draft, Instant now) {
        apply(draft, now);
        this.createdAt = now;
    }

    /** Takes the form's fields; the CRM link, the creation time and the version stay. */
    void apply(ContactDraft draft, Instant now) {
        this.firstName = draft.firstName();
        this.lastName = draft.lastName();
        this.email = draft.email();
        this.phone = draft.phone();
        this.company = draft.company();
        this.title = draft.title();
        this.city = draft.city();
        this.country = draft.country();
        this.status = draft.status();
        this.leadScore = draft.leadScore();
        this.ownerId = draft.ownerId();
        this.updatedAt = now;
    }

    @PrePersist
    @PreUpdate
    void normalise() {
        emailKey = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
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
