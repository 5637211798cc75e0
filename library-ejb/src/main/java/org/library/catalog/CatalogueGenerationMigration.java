package org.library.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.library.platform.VersionedJavaMigration;

/**
 * Schema version 9: the catalogue's generation ({@link CatalogueCache}), a number the database
 * itself counts up whenever what a list or a record of books shows may have changed — a book added,
 * removed, retitled, given other copies or another author; an author renamed — whoever writes it:
 * this application on any instance, the import, or an operator's SQL. Circulation (on_loan,
 * on_hold) does not count: it changes many times a day, and availability is read live.
 *
 * <p>Statement triggers, not row triggers: an import of a thousand rows in one statement counts
 * once. Derby and PostgreSQL write triggers differently (one event per Derby trigger; a function
 * for PostgreSQL's), hence a Java migration.
 */
public class CatalogueGenerationMigration extends VersionedJavaMigration {

    public CatalogueGenerationMigration() {
        super(9, "count the catalogue's generations");
    }

    /** The columns of {@code books} the catalogue shows; on_loan, on_hold and version are not among them. */
    static final String SHOWN_COLUMNS = "isbn, title, publication_year, copies, author_id";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String bump = "UPDATE catalogue_state SET generation = generation + 1";
        List<String> statements = new java.util.ArrayList<>(List.of(
                "CREATE TABLE catalogue_state (id SMALLINT NOT NULL, generation BIGINT NOT NULL, "
                        + "CONSTRAINT pk_catalogue_state PRIMARY KEY (id), CONSTRAINT ck_catalogue_state_one CHECK (id = 1))",
                "INSERT INTO catalogue_state (id, generation) VALUES (1, 1)"));
        if (connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            statements.addAll(List.of(
                    "CREATE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " + bump
                            + "; RETURN NULL; END $$",
                    "CREATE TRIGGER tr_books_catalogue AFTER INSERT OR DELETE OR UPDATE OF " + SHOWN_COLUMNS
                            + " ON books FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed()",
                    "CREATE TRIGGER tr_authors_catalogue AFTER UPDATE OF name ON authors "
                            + "FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed()"));
        } else {
            statements.addAll(List.of(
                    "CREATE TRIGGER tr_books_catalogue_insert AFTER INSERT ON books FOR EACH STATEMENT " + bump,
                    "CREATE TRIGGER tr_books_catalogue_delete AFTER DELETE ON books FOR EACH STATEMENT " + bump,
                    "CREATE TRIGGER tr_books_catalogue_update AFTER UPDATE OF " + SHOWN_COLUMNS
                            + " ON books FOR EACH STATEMENT " + bump,
                    "CREATE TRIGGER tr_authors_catalogue_update AFTER UPDATE OF name ON authors FOR EACH STATEMENT " + bump));
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
