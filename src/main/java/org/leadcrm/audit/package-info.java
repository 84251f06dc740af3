/** The audit log of destructive operations, of accounts locked and unlocked, and of changes to users. */
@NullMarked
package org.leadcrm.audit;

import org.jspecify.annotations.NullMarked;
