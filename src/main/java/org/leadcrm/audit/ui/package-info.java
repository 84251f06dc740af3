/** The audit log view for Administrators. */
package org.leadcrm.audit.ui;
