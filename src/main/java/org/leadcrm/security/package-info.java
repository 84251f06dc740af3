/** Sign-in, the six roles and who may do what, users, the current user. */
@NullMarked
package org.leadcrm.security;

import org.jspecify.annotations.NullMarked;
