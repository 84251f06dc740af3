/** Sign-in, the six roles and who may do what, users, the current user. */
package org.leadcrm.security;
