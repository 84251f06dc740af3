/** The sign-in view. */
package org.leadcrm.security.ui;
