/** The Opportunities view and the opportunity form. */
@NullMarked
package org.leadcrm.opportunity.ui;

import org.jspecify.annotations.NullMarked;
