package org.leadcrm.deletion;

/**
 * What deleting a selection would do, shown before the user confirms.
 *
 * @param selected              contacts in the selection
 * @param synced                of those, contacts a third-party CRM owns: they would be kept
 * @param opportunitiesDeleted  opportunities whose every lead would be deleted
 */
public record DeletionPreview(long selected, long synced, long opportunitiesDeleted) {

    public long deletable() {
        return selected - synced;
    }
}
