package org.library.web.api;

/**
 * The largest request bodies the API reads ({@link RequestBodies}), checked: a limit is a number
 * of bytes above 0, and a refusal names the setting. A JSON body is read into memory whole, so its
 * limit has a ceiling of its own ({@link #JSON_CEILING}); a CSV upload is streamed.
 *
 * @param jsonBytes {@value #JSON_LIMIT}
 * @param csvBytes  {@value #CSV_LIMIT}
 */
record BodyLimits(long jsonBytes, long csvBytes) {

    static final String JSON_LIMIT = "library.limits.json-body-bytes";
    static final String CSV_LIMIT = "library.limits.csv-body-bytes";

    /** A record is a few hundred bytes; 64 KiB leaves room for the longest profile text many times over. */
    static final String DEFAULT_JSON_LIMIT = "65536";

    /** A million-book catalogue is 65 MB of CSV (256 MiB); an import of more is split into several files. */
    static final String DEFAULT_CSV_LIMIT = "268435456";

    /** The most a JSON body may be set to: 256 times the default, far beyond any record. */
    static final long JSON_CEILING = 16L * 1024 * 1024;

    /** @throws IllegalArgumentException naming the first setting whose value is refused */
    BodyLimits {
        positive(JSON_LIMIT, jsonBytes);
        if (jsonBytes > JSON_CEILING) {
            throw new IllegalArgumentException(JSON_LIMIT + " must be at most " + JSON_CEILING
                    + " bytes (a JSON body is read into memory whole), was " + jsonBytes);
        }
        positive(CSV_LIMIT, csvBytes);
    }

    private static void positive(String setting, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be a number of bytes above 0, was " + value);
        }
    }
}
