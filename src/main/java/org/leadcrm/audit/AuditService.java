package org.leadcrm.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.leadcrm.security.CurrentUser;
import org.springframework.lang.Nullable;
import org.leadcrm.security.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: written inside the transaction of the operation it records (so there is an
 * entry exactly when the operation committed), read by Administrators. Entries are never
 * changed or deleted by the application.
 */
@Service
public class AuditService {

    /** The width of {@code audit_entry.subject}; a longer description is cut, not refused. */
    public static final int SUBJECT_MAX_LENGTH = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(Role.Can.SIGNED_IN)
    public void record(AuditEvent event) {
        jdbc.update("""
                insert into audit_entry (occurred_at, username, operation, list_id, list_name,
                    contacts_affected, contacts_kept, opportunities_deleted, exclusions_removed, contacts_added,
                    target_username, subject, exclusions_added)
                values (:at, :user, :operation, :listId, :listName, :affected, :kept, :opportunities, :exclusions,
                    :added, :target, :subject, :exclusionsAdded)
                """, new MapSqlParameterSource()
                .addValue("at", Timestamp.from(clock.instant()))
                .addValue("user", currentUser.username())
                .addValue("operation", event.operation().name())
                .addValue("listId", event.listId())
                .addValue("listName", event.listName())
                .addValue("affected", event.contactsAffected())
                .addValue("kept", event.contactsKept())
                .addValue("opportunities", event.opportunitiesDeleted())
                .addValue("exclusions", event.exclusionsRemoved())
                .addValue("added", event.contactsAdded())
                .addValue("target", event.targetUsername())
                .addValue("subject", shortened(event.subject()))
                .addValue("exclusionsAdded", event.exclusionsAdded()));
    }

    private static @Nullable String shortened(@Nullable String subject) {
        return subject == null || subject.length() <= SUBJECT_MAX_LENGTH ? subject
                : subject.substring(0, SUBJECT_MAX_LENGTH - 1) + "…";
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.ADMINISTER)
    public List<AuditRecord> find(AuditFilter filter, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("limit", limit).addValue("offset", offset);
        return jdbc.query("select * from audit_entry where " + where(filter, params)
                + " order by occurred_at desc, id desc limit :limit offset :offset", params, AuditService::map);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.ADMINISTER)
    public long count(AuditFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long count = jdbc.queryForObject("select count(*) from audit_entry where " + where(filter, params), params, Long.class);
        return count == null ? 0 : count;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Role.Can.ADMINISTER)
    public List<String> usernames() {
        return jdbc.queryForList("select distinct username from audit_entry order by username",
                new MapSqlParameterSource(), String.class);
    }

    private static String where(AuditFilter filter, MapSqlParameterSource params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("1=1");
        if (filter.operation() != null) {
            params.addValue("operation", filter.operation().name());
            clauses.add("operation = :operation");
        }
        if (filter.username() != null && !filter.username().isBlank()) {
            params.addValue("username", filter.username().strip());
            clauses.add("username = :username");
        }
        return String.join(" and ", clauses);
    }

    private static AuditRecord map(ResultSet rs, int rowNum) throws SQLException {
        long listIdValue = rs.getLong("list_id");
        Long listId = rs.wasNull() ? null : listIdValue;
        return new AuditRecord(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("username"),
                new AuditEvent(
                        AuditOperation.valueOf(rs.getString("operation")),
                        listId,
                        rs.getString("list_name"),
                        rs.getLong("contacts_affected"),
                        rs.getLong("contacts_kept"),
                        rs.getLong("opportunities_deleted"),
                        rs.getLong("exclusions_removed"),
                        rs.getLong("contacts_added"),
                        rs.getString("target_username"),
                        rs.getString("subject"),
                        rs.getLong("exclusions_added")));
    }
}
