package org.library.notices;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.library.notices.NoticeOutbox.Claimed;
import org.library.platform.LockConflictRetry;
import org.library.platform.access.Identity;

/**
 * Sends the notices, on every instance, as the library itself: every ten seconds, and at once when
 * a transaction that set a copy aside for a hold has committed here ({@link #wake}). Each round
 * first makes the "hold ready" notices the change log owes ({@link NoticeWriter#pump}), then claims
 * the due notices, sends them over one connection to the mail server (every step bounded by
 * {@link NoticeSettings#TIMEOUT}) and records each outcome; a server that is down fails the round's
 * notices, which are tried again later ({@link org.library.platform.Backoff}). No request's
 * thread and no transaction waits for the mail server.
 *
 * <p>Once a minute it also makes the day's digests when they are due ({@link DigestRun}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeSender {

    /** Notices claimed per round. */
    static final int ROUND = 50;

    private static final Logger LOG = Logger.getLogger(NoticeSender.class.getName());

    private final AtomicBoolean sending = new AtomicBoolean();

    private final AtomicBoolean digesting = new AtomicBoolean();

    /** A wake-up came while a round ran: it goes round once more. */
    private volatile boolean again;

    private volatile boolean failing;

    @EJB
    NoticeOutbox outbox;

    @EJB
    DigestRun digests;

    @Inject
    NoticeSettings settings;

    @Inject
    Event<NoticeAttempt> attempts;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // said again: the class's did not reach the timer
    void everyTenSeconds() {
        send();
    }

    /** Sends what is due now, unless a round runs already (then that one goes round once more). */
    @Asynchronous
    public void wake() {
        send();
    }

    @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everyMinute() {
        if (!settings.enabled() || !digesting.compareAndSet(false, true)) {
            return;
        }
        try {
            int made = Identity.call(Identity.SYSTEM, this::makeDigests);
            if (made > 0) {
                send();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Making the day's digests failed; the next minute carries on where it stopped", e);
        } finally {
            digesting.set(false);
        }
    }

    @Schedule(hour = "*", minute = "37", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void prune() {
        int pruned = Identity.call(Identity.SYSTEM, outbox::prune);
        if (pruned > 0) {
            LOG.info(() -> pruned + " notices sent or given up more than " + NoticeOutbox.KEPT.toDays() + " days ago were pruned.");
        }
    }

    /**
     * Makes the day's digests, if they are due and no other instance makes them.
     *
     * @return the batches run (0: nothing was due here)
     */
    public int makeDigests() {
        // each step its own transaction, made again when the database aborted it for a lock conflict
        // (a batch writes a hundred notices: on Derby their identity values contend, 40XL1) rather than
        // a minute later; a lost lease is no conflict and ends the run here
        Optional<DigestRun.Run> run = LockConflictRetry.calling("the digests' claim", digests::claim);
        int batches = 0;
        while (run.isPresent()) {
            DigestRun.Run made = run.get();
            run = LockConflictRetry.calling("a batch of digests", () -> digests.batch(made));
            batches++;
        }
        return batches;
    }

    private void send() {
        if (!settings.enabled()) {
            return;
        }
        if (!sending.compareAndSet(false, true)) {
            again = true;
            return;
        }
        try {
            do {
                again = false;
                Identity.run(Identity.SYSTEM, this::round);
            } while (again);
            if (failing) {
                failing = false;
                LOG.info("Notices are sent again.");
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not every round
                failing = true;
                LOG.log(Level.WARNING, "Sending notices failed; tried again every ten seconds", e);
            }
        } finally {
            sending.set(false);
        }
    }

    /**
     * One round: the notices the change log owes are made, the due ones claimed (each step made again
     * after a lock conflict, as in {@link #makeDigests}), sent over one connection, and their outcomes
     * recorded.
     */
    public void round() {
        LockConflictRetry.calling("the notices' pump", outbox::pump);
        List<Claimed> claimed = LockConflictRetry.calling("the claim of due notices", () -> outbox.claimDue(ROUND));
        if (claimed.isEmpty()) {
            return;
        }
        Session session = settings.session();
        NoticeSettings.Values values = settings.values();
        String connectionError = null;
        Transport transport = null;
        try {
            transport = session.getTransport();
            transport.connect(values.host().orElseThrow(), values.port(), values.user().orElse(null), values.password().orElse(null));
        } catch (MessagingException e) {
            connectionError = describe(e);
            LOG.log(Level.FINE, "Could not reach the mail server", e);
        }
        try {
            for (Claimed notice : claimed) {
                String error = connectionError;
                if (error == null) {
                    try {
                        MimeMessage message = message(session, notice, values);
                        transport.sendMessage(message, message.getAllRecipients());
                    } catch (MessagingException | RuntimeException e) {
                        error = describe(e);
                    }
                }
                try {
                    outbox.record(notice, error);
                    attempts.fire(new NoticeAttempt(error == null));
                } catch (RuntimeException e) {
                    // the others are recorded still; this one's lease runs out, and it is sent again
                    LOG.log(Level.WARNING, "Could not record the attempt of " + notice, e);
                }
            }
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.log(Level.FINE, "Closing the mail connection failed", e);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        sending.set(true); // no round starts while the application stops
        digesting.set(true);
    }

    /**
     * The message: plain text and HTML as alternatives, UTF-8, and a Message-ID of the notice's own,
     * the same on every attempt, by which a copy sent twice (an instance killed right after the mail
     * server took it) is recognised.
     */
    static MimeMessage message(Session session, Claimed notice, NoticeSettings.Values values) throws MessagingException {
        String domain = values.from().getAddress().substring(values.from().getAddress().indexOf('@') + 1);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<notice-" + notice.id() + "@" + domain + ">");
            }
        };
        message.setFrom(values.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(notice.recipient(), true));
        message.setSubject(notice.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no vacation replies to a robot
        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(notice.html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text); // the plainest first, as RFC 2046 orders alternatives
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String first = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().strip());
        return cause == e ? first : first + " (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip()) + ")";
    }
}
