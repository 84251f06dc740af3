package org.leadcrm.imports;

import org.springframework.lang.Nullable;

/** Where every imported contact, new or matched, goes: no list, an existing list, or a new manual one. */
public sealed interface ListTarget {

    ListTarget NONE = new None();

    static ListTarget existing(long listId) {
        return new Existing(listId);
    }

    static ListTarget newList(String name, @Nullable String description) {
        return new NewList(name, description);
    }

    record None() implements ListTarget {
    }

    record Existing(long listId) implements ListTarget {
    }

    record NewList(String name, @Nullable String description) implements ListTarget {
    }
}
