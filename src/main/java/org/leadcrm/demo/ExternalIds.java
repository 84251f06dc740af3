package org.leadcrm.demo;

import java.util.UUID;

/** Record ids in the style of the CRMs that synced contacts come from, made from random bits. */
final class ExternalIds {

    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private ExternalIds() {
    }

    /** An 18-character Salesforce contact id like 0035g00000AbCdEfGh: key prefix 003, then 15 characters. */
    static String salesforce(long seed) {
        StringBuilder id = new StringBuilder(18).append("003");
        long state = seed;
        for (int i = 0; i < 15; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            // real ids have a run of zeros after the two instance characters
            boolean zero = i >= 2 && i < 7;
            id.append(zero ? '0' : ALPHANUMERIC[(int) ((state >>> 33) % ALPHANUMERIC.length)]);
        }
        return id.toString();
    }

    /** A SugarCRM record id: a random (version 4) UUID. */
    static String sugarCrm(long high, long low) {
        long versioned = (high & ~0xF000L) | 0x4000L;
        long variant = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(versioned, variant).toString();
    }
}
