package org.library.web.live;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pages' live availability: a browser showing books (the catalogue, a book's page, the desk)
 * opens this WebSocket and is sent each change of a book's copies as it commits on any instance
 * ({@link AvailabilityBroadcast}). It sends nothing back; what a client sends is ignored, and at
 * most {@value #MESSAGE_BYTES} bytes of it read. Public figures only, so no login: the catalogue
 * shows the same to anyone.
 */
@ServerEndpoint("/live/availability")
public class AvailabilitySocket {

    static final int MESSAGE_BYTES = 64;

    private static final Logger LOG = Logger.getLogger(AvailabilitySocket.class.getName());

    @OnOpen
    public void open(Session session) throws IOException {
        session.setMaxIdleTimeout(0); // a page stays open for hours; the browser's closing ends it
        // a database that does not answer fails the join: the connection closes (1011), and the
        // page tries again, less and less often
        if (!broadcast().join(session)) {
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many live pages"));
        }
    }

    @OnMessage(maxMessageSize = MESSAGE_BYTES)
    public void ignore(String message) {
        // the channel goes one way
    }

    @OnClose
    public void close(Session session) {
        broadcast().leave(session);
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.FINE, "A live page's connection failed", error);
        broadcast().leave(session);
    }

    private static AvailabilityBroadcast broadcast() {
        return CDI.current().select(AvailabilityBroadcast.class).get();
    }
}
