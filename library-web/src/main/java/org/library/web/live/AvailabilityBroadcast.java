package org.library.web.live;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.websocket.Session;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.catalog.AvailabilityChanges;
import org.library.catalog.AvailabilityChanges.Availability;
import org.library.catalog.AvailabilityChanges.Changed;

/**
 * Sends the live pages ({@link AvailabilitySocket}) each book whose copies changed: every
 * {@value #PERIOD_MILLIS} ms, while at least one page listens, it asks the service what changed
 * since the change log's head it read last, and sends it to every page at once as
 * {@code {"books":[{"id":7,"copies":3,"available":1,"onHold":1}]}}. The change log is shared by
 * the instances of a cluster, so a loan made through another instance shows here as soon as it
 * committed there. With no page listening, nothing is read.
 */
@ApplicationScoped
public class AvailabilityBroadcast {

    static final long PERIOD_MILLIS = 500;

    /** The most pages one instance serves live; more are refused (and keep their loaded figures). */
    static final int MOST_PAGES = 2_000;

    private static final Logger LOG = Logger.getLogger(AvailabilityBroadcast.class.getName());

    private final Set<Session> pages = ConcurrentHashMap.newKeySet();

    @Inject
    AvailabilityChanges changes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> reading;

    /** Where the next read starts; -1 while no page listens. Guarded by this. */
    private long head = -1;

    /**
     * The first page to join reads the log's head before it is told it listens: a change that
     * commits after that is sent to it.
     *
     * @return false when this instance serves the most live pages already
     */
    boolean join(Session page) {
        if (pages.size() >= MOST_PAGES) {
            return false;
        }
        synchronized (this) {
            if (head < 0) {
                head = changes.head();
            }
            pages.add(page);
        }
        start();
        return true;
    }

    void leave(Session page) {
        pages.remove(page);
    }

    private synchronized void start() {
        if (reading == null) {
            reading = scheduler.scheduleWithFixedDelay(this::round, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (reading != null) {
            reading.cancel(false);
        }
    }

    /** One round; never throws, or the scheduler would stop calling it. */
    void round() {
        Changed changed;
        synchronized (this) {
            if (pages.isEmpty()) {
                head = -1; // a page joining later starts from the head of its time, not from a past one
                return;
            }
            try {
                if (head < 0) {
                    head = changes.head(); // the head read when the first page joined failed
                    return;
                }
                changed = changes.since(head);
                head = changed.head();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Live availability: the change log could not be read; tried again", e);
                return;
            }
        }
        if (!changed.books().isEmpty()) {
            send(message(changed));
        }
    }

    private void send(String message) {
        for (Session page : pages) {
            if (page.isOpen()) {
                page.getAsyncRemote().sendText(message); // a slow browser does not hold the others up
            } else {
                pages.remove(page);
            }
        }
    }

    static String message(Changed changed) {
        JsonArrayBuilder books = Json.createArrayBuilder();
        for (Availability book : changed.books()) {
            books.add(Json.createObjectBuilder().add("id", book.bookId()).add("copies", book.copies())
                    .add("available", book.available()).add("onHold", book.onHold()));
        }
        return Json.createObjectBuilder().add("books", books).build().toString();
    }
}
