package org.library.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.library.platform.VersionedJavaMigration;

/**
 * Schema version 16: a returned loan may lose its member (issue 18, privacy), and a member may
 * choose to keep their loan history.
 *
 * <p>{@code loans.member_id} becomes nullable, with a CHECK that only a returned loan may be
 * without its member: the book's history keeps the fact of the loan (book, dates), not who
 * borrowed it, while an open loan always names the member who has the copy. A Java migration
 * because Derby ({@code ALTER COLUMN … NULL}) and PostgreSQL ({@code ALTER COLUMN … DROP NOT
 * NULL}) spell dropping NOT NULL differently.
 *
 * <p>{@code members.keep_loan_history} (0 or 1, as {@code active}): 1 keeps the member's returned
 * loans named after the anonymisation period ({@code library.privacy.loan-history-months}).
 */
public class LoanPrivacyMigration extends VersionedJavaMigration {

    public LoanPrivacyMigration() {
        super(16, "anonymous returned loans, and the member's choice to keep their history");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean derby = connection.getMetaData().getDatabaseProductName().equals("Apache Derby");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE loans ALTER COLUMN member_id" + (derby ? " NULL" : " DROP NOT NULL"));
            ddl.execute("ALTER TABLE loans ADD CONSTRAINT ck_loans_member CHECK (member_id IS NOT NULL OR returned_at IS NOT NULL)");
            ddl.execute("ALTER TABLE members ADD COLUMN keep_loan_history SMALLINT DEFAULT 0 NOT NULL");
            ddl.execute("ALTER TABLE members ADD CONSTRAINT ck_members_keep_loan_history CHECK (keep_loan_history IN (0, 1))");
        }
    }
}
