package org.library.changes;

import java.util.Arrays;
import java.util.Optional;

/** What happened to a record; with its type it names the event ({@code loan.borrowed}). */
public enum ChangeAction {
    CREATED("created"),
    UPDATED("updated"),
    DELETED("deleted"),
    BORROWED("borrowed"),
    RETURNED("returned"),
    RENEWED("renewed"),
    PLACED("placed"),
    READY("ready"),
    FULFILLED("fulfilled"),
    CANCELLED("cancelled"),
    EXPIRED("expired"),
    REVOKED("revoked");

    private final String wireName;

    ChangeAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ChangeAction> byWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
