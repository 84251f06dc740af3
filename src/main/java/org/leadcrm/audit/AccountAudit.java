package org.leadcrm.audit;

import org.leadcrm.security.AccountLocked;
import org.leadcrm.security.AccountUnlocked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes down the locks and unlocks of accounts. The security package announces them as events
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
}
