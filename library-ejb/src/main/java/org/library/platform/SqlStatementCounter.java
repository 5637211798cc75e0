package org.library.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Feeds {@link SqlStatements} with every SQL call EclipseLink executes. Registered through
 * {@code eclipselink.session.customizer} in persistence.xml; costs two increments per statement.
 */
public class SqlStatementCounter extends SessionEventAdapter implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getEventManager().addListener(this);
    }

    @Override
    public void postExecuteCall(SessionEvent event) {
        SqlStatements.count();
    }
}
