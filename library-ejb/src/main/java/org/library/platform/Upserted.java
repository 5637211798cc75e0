package org.library.platform;

/**
 * The record a write by natural key left, and whether that write created it (HTTP 201) or replaced
 * it (200).
 */
public record Upserted<T>(T record, boolean created) {
}
