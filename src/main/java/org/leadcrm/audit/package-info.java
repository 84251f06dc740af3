/** The audit log of destructive operations. */
package org.leadcrm.audit;
