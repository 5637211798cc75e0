package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class SqlStatesTest {

    @Test
    void aBrokenRuleIsAnIntegrityViolationNotAnOutage() {
        Exception unique = new EJBException(new RuntimeException(new SQLException("duplicate key", "23505")));
        assertThat(SqlStates.integrityViolation(unique)).isPresent();
        assertThat(SqlStates.isUnavailable(unique)).isFalse();
        assertThat(SqlStates.isCommitOutcomeUnknown(unique)).isFalse();
    }

    @Test
    void aLostConnectionOrAStoppedDatabaseIsUnavailable() {
        assertThat(SqlStates.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(SqlStates.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(SqlStates.isUnavailable(new RuntimeException(new SQLException(
                "Error in allocating a connection. Cause: java.lang.RuntimeException: Got exception during XAResource.start:")))).isTrue();
    }

    @Test
    void aStatementEmbeddedDerbyWasRunningWhenItShutDownIsUnavailable() {
        assertThat(SqlStates.isUnavailable(new RuntimeException(new SQLException(
                "Java exception: ': org.apache.derby.shared.common.error.ShutdownException'.", "XJ001")))).isTrue();
        assertThat(SqlStates.isUnavailable(new RuntimeException(new SQLException("Container 1216 not found.", "XSCH1")))).isTrue();
        assertThat(SqlStates.isUnavailable(new RuntimeException(new SQLException(
                "ResultSet not open. Operation 'getMetaData' not permitted. Verify that autocommit is off.", "XCL16")))).isTrue();
        assertThat(SqlStates.isUnavailable(new RuntimeException(new SQLException("Java exception: 'Cannot invoke "
                + "\"org.apache.derby.iapi.store.raw.Page.getAuxObject()\" because \"<parameter2>\" is null: "
                + "java.lang.NullPointerException'.", "XJ001")))).as("its storage torn down under it").isTrue();
        assertThat(SqlStates.isUnavailable(new RuntimeException(new SQLException("Java exception: 'Cannot invoke "
                + "\"org.apache.derby.impl.store.raw.data.AllocPage.canAddFreePage(long)\" because \"<local5>\" is null: "
                + "java.lang.NullPointerException'.", "XJ001")))).as("its allocation map torn down under an insert").isTrue();
        assertThat(SqlStates.isUnavailable(new SQLException("Java exception: ': java.lang.NullPointerException'.", "XJ001")))
                .as("any other Java exception inside Derby is a bug, not an outage").isFalse();
    }

    @Test
    void aConnectionLostDuringTheCommitLeavesTheOutcomeUnknown() {
        // as Payara reports a commit whose connection PostgreSQL terminated
        XAException xa = new XAException("jakarta.resource.ResourceException: This Managed Connection is not valid");
        xa.initCause(new ResourceException("This Managed Connection is not valid as the physical connection is not usable"));
        SystemException commit = new SystemException();
        commit.initCause(xa);
        Exception thrown = new EJBException(commit);

        assertThat(SqlStates.isUnavailable(thrown)).as("not 'nothing changed'").isFalse();
        assertThat(SqlStates.isCommitOutcomeUnknown(thrown)).isTrue();
        assertThat(SqlStates.isTransientConflict(thrown)).isFalse();
    }

    @Test
    void aLockConflictIsTransient() {
        assertThat(SqlStates.isTransientConflict(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(SqlStates.isCommitOutcomeUnknown(new SQLException("deadlock", "40P01"))).isFalse();
    }
}
