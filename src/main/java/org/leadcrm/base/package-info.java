/** Shared domain pieces: user-facing refusals and progress reporting. */
@NullMarked
package org.leadcrm.base;

import org.jspecify.annotations.NullMarked;
