/** The audit log of destructive operations and of accounts locked and unlocked. */
package org.leadcrm.audit;
