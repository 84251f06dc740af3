/** The Contact Manager and deleting one lead. */
package org.leadcrm.contact.ui;
