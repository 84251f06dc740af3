package org.leadcrm.base;

/**
 * A refusal whose message is written for the user and safe to show as it is (the global error
 * handler shows it; any other exception becomes a generic message).
 */
public class UserFacingException extends RuntimeException {

    public UserFacingException(String message) {
        super(message);
    }
}
