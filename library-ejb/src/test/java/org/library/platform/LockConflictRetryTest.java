package org.library.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBException;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockConflictRetryTest {

    /** A call whose outcomes are given in order: an exception is thrown, anything else returned. */
    static final class Call implements InvocationContext {

        final Deque<Object> outcomes;
        int calls;

        Call(Object... outcomes) {
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public Object proceed() throws Exception {
            calls++;
            Object outcome = outcomes.pop();
            if (outcome instanceof Exception e) {
                throw e;
            }
            return outcome;
        }

        @Override
        public Method getMethod() {
            try {
                return Object.class.getMethod("toString");
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public Object getTarget() {
            return null;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return new Object[0];
        }

        @Override
        public void setParameters(Object[] params) {
        }

        @Override
        public Map<String, Object> getContextData() {
            return new HashMap<>();
        }
    }

    /** How a transaction Derby aborted reaches the resource: an EJBException around the JPA one around the SQL one. */
    static EJBException aborted(String sqlState) {
        return new EJBException(new jakarta.persistence.PersistenceException(new SQLException("aborted", sqlState)));
    }

    private final LockConflictRetry retry = new LockConflictRetry();

    @Test
    void aTransactionAbortedForALockConflictIsRunAgainAndItsResultAnswered() throws Exception {
        Call call = new Call(aborted("40XL1"), aborted("40001"), "201 Created");

        assertThat(retry.retry(call)).isEqualTo("201 Created");
        assertThat(call.calls).isEqualTo(3);
    }

    @Test
    void afterThreeAbortedAttemptsTheConflictGoesToTheClient() {
        Call call = new Call(aborted("40XL1"), aborted("40XL1"), aborted("40XL1"), "never");

        assertThatThrownBy(() -> retry.retry(call)).isInstanceOf(EJBException.class);
        assertThat(call.calls).isEqualTo(LockConflictRetry.ATTEMPTS);
    }

    @Test
    void aNaturalKeyTakenBetweenTheLookUpAndTheInsertIsRunAgain() throws Exception {
        Call call = new Call(new KeyTakenMeanwhileException("member", "M000123"), "200 OK: replaced");

        assertThat(retry.retry(call)).isEqualTo("200 OK: replaced");
        assertThat(call.calls).isEqualTo(2);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        Call constraint = new Call(aborted("23505"), "never");
        Call business = new Call(new IllegalStateException("a library rule"), "never");

        assertThatThrownBy(() -> retry.retry(constraint)).isInstanceOf(EJBException.class);
        assertThatThrownBy(() -> retry.retry(business)).isInstanceOf(IllegalStateException.class);
        assertThat(constraint.calls + business.calls).isEqualTo(2);
    }
}
