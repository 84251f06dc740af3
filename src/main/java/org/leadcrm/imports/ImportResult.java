package org.leadcrm.imports;

import java.nio.file.Path;
import org.springframework.lang.Nullable;

/**
 * What an import did.
 *
 * @param rows            the rows of the file below its header (blank lines not counted)
 * @param skippedExisting rows whose contact already existed and was left as it was: all of them when
 *                        existing contacts are skipped, only the synced ones when they are updated
 * @param syncedSkipped   when existing contacts are updated: those left as they were because they are synced with
 *                        a CRM, which an import never changes (all of {@code skippedExisting}); 0 when existing
 *                        contacts are skipped anyway
 * @param listId          the list every imported contact was added to, if any
 * @param alreadyOnList   imported contacts that were members of that list already
 * @param excludedFromList imported contacts the list excludes, so not added
 * @param rejectedRows    a CSV of the rejected rows (line, reason, the original cells) while the caller
 *                        keeps it; null when none was rejected. The caller deletes it.
 */
public record ImportResult(long rows, long created, long updated, long skippedExisting, long syncedSkipped,
        long rejected, @Nullable Long listId, @Nullable String listName, long addedToList, long alreadyOnList,
        long excludedFromList, @Nullable Path rejectedRows) {
}
