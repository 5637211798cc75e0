package org.library.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Operator settings that must work the same on Payara Micro, Payara Server and GlassFish without a
 * rebuild: a JVM system property ({@code -Dlibrary.demo-data=false}) or, when it is absent, the
 * environment variable of the same name in upper case with dots and dashes as underscores
 * ({@code LIBRARY_DEMO_DATA=false}).
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public static boolean flag(String name, boolean defaultValue) {
        return get(name).map(Boolean::parseBoolean).orElse(defaultValue);
    }
}
