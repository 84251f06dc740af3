package org.leadcrm.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.leadcrm.base.ProgressListener;
import org.leadcrm.base.UserFacingException;
import org.leadcrm.contact.BulkSelection;
import org.leadcrm.contact.ContactFilter;
import org.leadcrm.testsupport.IntegrationTest;
import org.leadcrm.testsupport.TestData;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Bulk work at a size where a loop over rows or a statement per contact would show: tens of
 * thousands, not the million of PRODUCT.md, so that the suite stays quick. The time limits are
 * generous; they catch a quadratic plan, not a slow machine.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
class ListScaleTest extends IntegrationTest {

    private static final int MANY = 10_000;

    private final BulkEditService bulkEdit;
    private final ListOptionsService options;

    ListScaleTest(TestData data, BulkEditService bulkEdit, ListOptionsService options) {
        super(data);
        this.bulkEdit = bulkEdit;
        this.options = options;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void bulk_edit_takes_as_many_ticked_rows_as_it_allows_and_refuses_one_more() {
        List<Long> contacts = data.contacts(BulkSelection.MAX_SELECTED + 1);
        long list = data.manualList("Ticked");
        Set<Long> allowed = new HashSet<>(contacts.subList(0, BulkSelection.MAX_SELECTED));

        assertThat(bulkEdit.addContacts(list, BulkSelection.of(allowed), ProgressListener.NONE))
                .isEqualTo(new BulkAddResult(BulkSelection.MAX_SELECTED, 0, 0));
        assertThatThrownBy(() -> bulkEdit.addContacts(list, BulkSelection.of(Set.copyOf(contacts)), ProgressListener.NONE))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void many_contacts_go_into_a_new_list_and_are_permanently_deleted_in_one_action_each() {
        List<Long> contacts = data.contacts(MANY);
        long other = data.manualList("Other");
        data.addMembers(other, contacts.subList(0, MANY / 2));
        for (int i = 0; i < 100; i++) {
            data.opportunity("Deal " + i, contacts.get(i * 2), contacts.get(i * 2 + 1));
        }

        NewListResult everyone = bulkEdit.addContactsToNewList(ListDraft.manual("Everyone", null),
                BulkSelection.matching(ContactFilter.ALL), ProgressListener.NONE);
        assertThat(everyone.result()).isEqualTo(new BulkAddResult(MANY, 0, 0));

        ListOperationResult result = options.deleteAllContacts(everyone.listId(), MANY, data.memberVersion(everyone.listId()), true, ProgressListener.NONE);

        assertThat(result).isEqualTo(new ListOperationResult(0, MANY, 0, 100, 0));
        assertThat(data.count("contact")).isZero();
        assertThat(data.count("list_member")).isZero();
        assertThat(data.count("opportunity")).isZero();
        assertThat(data.listExists(other)).isTrue();
    }
}
