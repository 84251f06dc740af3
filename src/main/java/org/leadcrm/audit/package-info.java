/** The audit log of destructive operations and of accounts locked and unlocked. */
@NullMarked
package org.leadcrm.audit;

import org.jspecify.annotations.NullMarked;
