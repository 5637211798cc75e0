package org.library.platform;

/** The record asked for by its id or key does not exist (HTTP 404). */
public class RecordNotFoundException extends LibraryException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    public RecordNotFoundException(String kind, Object key) {
        super("No " + kind + " with " + (key instanceof Number ? "id " : "key ") + key + " exists.");
        this.kind = kind;
    }

    /** What was looked for, e.g. {@code book}. */
    public String kind() {
        return kind;
    }

    @Override
    public String code() {
        return kind.replace(' ', '-') + "-not-found";
    }
}
