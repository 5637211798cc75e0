package org.library.platform;

/**
 * What a client's write by natural key is conditional on ({@code PUT …/by-isbn/{isbn}}): a sync
 * job sends none and writes whatever is there; {@code If-Match: "3"} replaces only version 3,
 * {@code If-Match: *} only an existing record, {@code If-None-Match: *} only creates.
 *
 * @param exists  the record must exist ({@code If-Match} given)
 * @param version and be at this version ({@code If-Match: "3"}), or {@code null}: any version
 * @param absent  the record must not exist ({@code If-None-Match: *})
 */
public record Precondition(boolean exists, Long version, boolean absent) {

    /** No condition: create or replace. */
    public static final Precondition NONE = new Precondition(false, null, false);

    /**
     * @param current the stored record's version, or {@code null} when there is none
     * @throws PreconditionFailedException when the record exists and must not, or is absent and must exist
     * @throws StaleVersionException       when it exists at another version than the one expected
     */
    public void check(String kind, Object key, Long current) {
        if (current == null && exists) {
            throw new PreconditionFailedException("There is no " + kind + " " + key
                    + " to replace (If-Match); leave If-Match out to create it.");
        }
        if (current != null && absent) {
            throw new PreconditionFailedException("The " + kind + " " + key
                    + " exists already (If-None-Match: *); send its ETag in If-Match to replace it.");
        }
        if (current != null) {
            StaleVersionException.check(kind, key, current, version);
        }
    }
}
