/** Shared domain pieces: user-facing refusals and progress reporting. */
package org.leadcrm.base;
