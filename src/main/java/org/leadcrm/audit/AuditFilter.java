package org.leadcrm.audit;

import org.springframework.lang.Nullable;

public record AuditFilter(@Nullable AuditOperation operation, @Nullable String username) {

    public static final AuditFilter ALL = new AuditFilter(null, null);
}
