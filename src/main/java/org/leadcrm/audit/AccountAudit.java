package org.leadcrm.audit;

import org.leadcrm.security.AccountChanged;
import org.leadcrm.security.AccountLocked;
import org.leadcrm.security.AccountUnlocked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes down the locks and unlocks of accounts, and every change an Administrator or a user
 * makes to one. The security package announces them as events
 * (it cannot call the audit log: the audit log depends on it for the current user); the
 * listeners run inside the publisher's transaction, so an entry exists exactly when the lock or
 * unlock committed.
 */
@Component
class AccountAudit {

    private final AuditService audit;

    AccountAudit(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AccountLocked event) {
        audit.record(AuditEvent.forUser(AuditOperation.ACCOUNT_LOCKED, event.username()));
    }

    @EventListener
    void on(AccountUnlocked event) {
        audit.record(AuditEvent.forUser(AuditOperation.ACCOUNT_UNLOCKED, event.username()));
    }

    @EventListener
    void on(AccountChanged event) {
        audit.record(AuditEvent.forUser(operationOf(event.change()), event.username(), event.detail()));
    }

    private static AuditOperation operationOf(AccountChanged.Change change) {
        return switch (change) {
            case CREATED -> AuditOperation.USER_CREATED;
            case ROLE_CHANGED -> AuditOperation.ROLE_CHANGED;
            case DEACTIVATED -> AuditOperation.USER_DEACTIVATED;
            case REACTIVATED -> AuditOperation.USER_REACTIVATED;
            case PASSWORD_RESET -> AuditOperation.PASSWORD_RESET;
            case PASSWORD_CHANGED -> AuditOperation.PASSWORD_CHANGED;
        };
    }
}
