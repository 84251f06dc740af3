package org.leadcrm.base.ui;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;

/**
 * The column and direction a lazy grid asks to sort by, as one of a service's sort enums: the
 * grid's columns carry the enum constant's name as their sort property.
 */
public record GridSort<E extends Enum<E>>(E column, boolean ascending) {

    public static <E extends Enum<E>> GridSort<E> of(Query<?, ?> query, Class<E> columns, E byDefault) {
        List<QuerySortOrder> orders = query.getSortOrders();
        if (orders.isEmpty()) {
            return new GridSort<>(byDefault, true);
        }
        return new GridSort<>(Enum.valueOf(columns, orders.get(0).getSorted()),
                orders.get(0).getDirection() == SortDirection.ASCENDING);
    }
}
