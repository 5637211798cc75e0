package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ER diagram of {@code docs/database.md} against the schema itself: an empty in-memory Derby
 * database migrated with every migration of this build (SQL and Java), its tables and columns
 * read from JDBC metadata. A migration that adds a table or a column fails this test until the
 * diagram shows it, so the documentation cannot fall behind the schema unnoticed.
 */
class ErDiagramTest {

    /** The documentation page, from this module's directory (where Maven runs the tests). */
    private static final Path DIAGRAM_PAGE = Path.of(System.getProperty("basedir", "."), "..", "docs", "database.md");

    private static final Pattern MERMAID_ER = Pattern.compile("```mermaid\\s*\\nerDiagram\\s*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\{\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*[A-Za-z][A-Za-z0-9_()\\[\\],-]*\\s+([A-Za-z_][A-Za-z0-9_]*)\\b.*$");

    @Test
    void diagramNamesEveryTableAndColumnOfTheMigratedSchema() throws IOException, SQLException {
        Map<String, Set<String>> schema;
        try (InMemoryDerby database = InMemoryDerby.migrated("er-diagram")) {
            schema = tablesAndColumns(database.connection().getMetaData());
        }
        Map<String, Set<String>> diagram = diagram(Files.readString(DIAGRAM_PAGE, StandardCharsets.UTF_8));

        List<String> missing = new ArrayList<>();
        schema.forEach((table, columns) -> {
            Set<String> shown = diagram.get(table);
            if (shown == null) {
                missing.add("table " + table + " " + columns);
            } else {
                columns.stream().filter(column -> !shown.contains(column))
                        .forEach(column -> missing.add("column " + table + "." + column));
            }
        });
        assertThat(schema).as("the migrated schema, read from JDBC").containsKeys("books", "catalogue_state");
        assertThat(missing).as("tables and columns of the migrated schema that the ER diagram in %s misses",
                DIAGRAM_PAGE.normalize()).isEmpty();
    }

    /** Every table of the application's schema (APP) with its columns, in lower case; Flyway's own table aside. */
    private static Map<String, Set<String>> tablesAndColumns(DatabaseMetaData metaData) throws SQLException {
        Map<String, Set<String>> tables = new TreeMap<>();
        try (ResultSet rs = metaData.getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals("flyway_schema_history")) {
                    tables.put(table, new TreeSet<>());
                }
            }
        }
        try (ResultSet rs = metaData.getColumns(null, "APP", "%", "%")) {
            while (rs.next()) {
                Set<String> columns = tables.get(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                if (columns != null) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** The entities of the page's mermaid erDiagram with their attributes' names, in lower case. */
    private static Map<String, Set<String>> diagram(String page) {
        Matcher block = MERMAID_ER.matcher(page);
        assertThat(block.find()).as("a mermaid erDiagram block in %s", DIAGRAM_PAGE.normalize()).isTrue();
        Map<String, Set<String>> entities = new TreeMap<>();
        Set<String> current = null;
        for (String line : block.group(1).split("\n")) {
            Matcher entity = ENTITY.matcher(line);
            if (current == null && entity.matches()) {
                current = entities.computeIfAbsent(entity.group(1).toLowerCase(Locale.ROOT), name -> new TreeSet<>());
            } else if (current != null && line.strip().equals("}")) {
                current = null;
            } else if (current != null) {
                Matcher attribute = ATTRIBUTE.matcher(line);
                if (attribute.matches()) {
                    current.add(attribute.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return entities;
    }
}
