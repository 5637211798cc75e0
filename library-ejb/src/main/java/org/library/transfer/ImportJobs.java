package org.library.transfer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.library.platform.DatabaseMigration;
import org.library.platform.KeyTakenMeanwhileException;
import org.library.platform.Leases;
import org.library.platform.RecordNotFoundException;
import org.library.platform.SqlStates;
import org.library.platform.access.Guarded;
import org.library.platform.access.Identity;

/**
 * The imports, running and past, as the {@code imports} table holds them: what every instance
 * reads (the REST API, the import page), whichever instance runs the import.
 *
 * <p>An import claims its kind when it starts (one runs at a time, the database's UNIQUE index on
 * {@code running_kind} decides), writes its counts with each batch in the batch's transaction
 * ({@link #save(Connection, ImportJob.Checkpoint, BatchCounts, long)}), and ends DONE or FAILED. An
 * import whose instance stopped stops writing: once its heartbeat is older than {@link #LEASE},
 * {@link #sweep()} — at every instance's start and every minute — marks it FAILED with the counts
 * of what it committed, and frees its kind. Nothing is left half-done without saying so; the file
 * is run again, an import is idempotent.
 */
@Stateless
@Guarded
public class ImportJobs {

    /** How long a running import may go without a heartbeat before it counts as stopped. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    /** Why a swept import failed. */
    public static final String INTERRUPTED = "interrupted: the instance running it stopped; run the file again "
            + "— an import is idempotent";

    /** Imports the list shows, the newest first. */
    static final int RECENT = 50;

    /** The longest reason a refused row keeps (the column's size). */
    static final int REASON_LENGTH = 1000;

    private static final int FAILURE_LENGTH = 2000;
    private static final int SOURCE_LENGTH = 255;

    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

    private static final String COLUMNS = "id, kind, state, source, rows_read, rows_created, rows_updated, rows_unchanged, "
            + "rows_rejected, bytes_read, bytes_total, started_at, finished_at, failure";

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /** What a batch added, to write with its checkpoint. */
    record BatchCounts(int created, int updated, int unchanged, List<RowError> rejected) {
        static final BatchCounts NONE = new BatchCounts(0, 0, 0, List.of());
    }

    /**
     * Claims the kind for a new import, RUNNING from now, for whoever the thread works for.
     *
     * @param source     what is imported, for the report (a file name), or {@code null}
     * @param bytesTotal the size of the file when known, for the progress, or {@code null}
     * @throws ImportRunningException when an import of the kind runs already, here or on another instance
     */
    public ImportJob start(ImportKind kind, String source, Long bytesTotal) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> running = running(connection, kind);
            if (running.isPresent()) {
                throw new ImportRunningException(kind, running.get());
            }
            String id = UUID.randomUUID().toString();
            long now = clock.millis();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO imports (id, kind, state, running_kind, "
                    + "source, started_by, instance, bytes_total, started_at, heartbeat_at) VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, kind.path());
                insert.setString(3, kind.path());
                insert.setString(4, source == null ? null : bounded(source, SOURCE_LENGTH));
                insert.setString(5, Identity.current().map(identity -> bounded(identity.name(), 100)).orElse(null));
                insert.setString(6, bounded(Leases.INSTANCE, 255));
                if (bytesTotal == null) {
                    insert.setNull(7, Types.BIGINT);
                } else {
                    insert.setLong(7, bytesTotal);
                }
                insert.setLong(8, now);
                insert.setLong(9, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (SqlStates.integrityViolation(e).isPresent()) {
                    // another start of the kind passed the check above at the same moment: called
                    // again, this one finds it running
                    throw new KeyTakenMeanwhileException("import of", kind.path());
                }
                throw e;
            }
            return new ImportJob(id, kind, clock);
        } catch (SQLException e) {
            throw new IllegalStateException("could not start an import", e);
        }
    }

    /** @throws RecordNotFoundException when there is no such import */
    public ImportReport report(String id) {
        return find(id).orElseThrow(() -> new RecordNotFoundException("import", id));
    }

    /** The import with its refused rows (the first {@link ImportJob#MAX_LISTED_ERRORS}, by line). */
    public Optional<ImportReport> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM imports WHERE id = ?")) {
            select.setString(1, id);
            List<RowError> refusals = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                try (PreparedStatement rows = connection.prepareStatement(
                        "SELECT line, reason FROM import_refusals WHERE import_id = ? ORDER BY line")) {
                    rows.setString(1, id);
                    rows.setMaxRows(ImportJob.MAX_LISTED_ERRORS);
                    try (ResultSet r = rows.executeQuery()) {
                        while (r.next()) {
                            refusals.add(new RowError(r.getLong(1), r.getString(2)));
                        }
                    }
                }
                return Optional.of(report(rs, refusals));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read import " + id, e);
        }
    }

    /** The most recent imports, the newest first, without their refused rows (read one for them). */
    public List<ImportReport> recent() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM imports ORDER BY started_at DESC, id")) {
            select.setMaxRows(RECENT);
            List<ImportReport> recent = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    recent.add(report(rs, List.of()));
                }
            }
            return recent;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the imports", e);
        }
    }

    /** Brings the import's row up to date when no batch does (every row refused, or a long pause). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void save(ImportJob.Checkpoint checkpoint) {
        try (Connection connection = dataSource.getConnection()) {
            save(connection, checkpoint, BatchCounts.NONE, clock.millis());
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the progress of import " + checkpoint.id(), e);
        }
    }

    /**
     * Ends the import: its last counts and refused rows, DONE or FAILED, and its kind free for the
     * next. Nothing, when the import was swept meanwhile (its row says FAILED with what was committed).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(ImportJob.Checkpoint checkpoint, ImportJob.Status end, String failure) {
        try (Connection connection = dataSource.getConnection()) {
            save(connection, checkpoint, BatchCounts.NONE, clock.millis());
            try (PreparedStatement update = connection.prepareStatement("UPDATE imports SET state = ?, running_kind = NULL, "
                    + "finished_at = ?, failure = ? WHERE id = ? AND state = 'RUNNING'")) {
                update.setString(1, end.name());
                update.setLong(2, clock.millis());
                update.setString(3, failure == null ? null : bounded(failure, FAILURE_LENGTH));
                update.setString(4, checkpoint.id());
                update.executeUpdate();
            }
        } catch (ImportStoppedException e) {
            LOG.warning(e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("could not end import " + checkpoint.id(), e);
        }
    }

    /**
     * Marks FAILED, with their counts as they are, the imports whose heartbeat is older than the
     * lease: their instance stopped (or stalled, and stops at its next batch).
     *
     * @return how many were marked
     */
    public int sweep() {
        long now = clock.millis();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE imports SET state = 'FAILED', running_kind = NULL, "
                     + "finished_at = ?, failure = ? WHERE state = 'RUNNING' AND heartbeat_at < ?")) {
            update.setLong(1, now);
            update.setString(2, INTERRUPTED);
            update.setLong(3, now - LEASE.toMillis());
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not sweep the imports", e);
        }
    }

    /**
     * Marks FAILED, with their counts as they are, the imports this instance runs: it is stopping
     * (undeployed, shut down), and their threads with it. One that still reaches its next batch
     * finds it ended and stops there, that batch rolled back.
     *
     * @return how many were marked
     */
    public int stopHere() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE imports SET state = 'FAILED', running_kind = NULL, "
                     + "finished_at = ?, failure = ? WHERE state = 'RUNNING' AND instance = ?")) {
            update.setLong(1, clock.millis());
            update.setString(2, INTERRUPTED);
            update.setString(3, bounded(Leases.INSTANCE, 255));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the imports of this instance", e);
        }
    }

    /**
     * Writes the checkpoint, with what its batch added, to the import's row, on the batch's
     * connection: in its transaction, so that the row counts exactly what is committed.
     *
     * @throws ImportStoppedException when the row no longer runs (swept): the batch rolls back
     */
    static void save(Connection connection, ImportJob.Checkpoint at, BatchCounts batch, long now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE imports SET rows_read = ?, bytes_read = ?, "
                + "rows_created = ?, rows_updated = ?, rows_unchanged = ?, rows_rejected = ?, refusals_listed = ?, heartbeat_at = ? "
                + "WHERE id = ? AND state = 'RUNNING'")) {
            update.setLong(1, at.rowsRead());
            update.setLong(2, at.bytesRead());
            update.setLong(3, at.created() + batch.created());
            update.setLong(4, at.updated() + batch.updated());
            update.setLong(5, at.unchanged() + batch.unchanged());
            update.setLong(6, at.rejected() + batch.rejected().size());
            update.setInt(7, at.listedAfter(batch.rejected()));
            update.setLong(8, now);
            update.setString(9, at.id());
            if (update.executeUpdate() == 0) {
                throw new ImportStoppedException(at.id());
            }
        }
        List<RowError> listed = at.toList(batch.rejected());
        if (!listed.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO import_refusals (import_id, line, reason) VALUES (?, ?, ?)")) {
                for (RowError refusal : listed) {
                    insert.setString(1, at.id());
                    insert.setLong(2, refusal.line());
                    insert.setString(3, bounded(refusal.reason(), REASON_LENGTH));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static Optional<String> running(Connection connection, ImportKind kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM imports WHERE running_kind = ?")) {
            select.setString(1, kind.path());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static ImportReport report(ResultSet rs, List<RowError> refusals) throws SQLException {
        long bytesTotal = rs.getLong(11);
        Long total = rs.wasNull() ? null : bytesTotal;
        long finished = rs.getLong(13);
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        return new ImportReport(rs.getString(1), ImportKind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(4),
                ImportJob.Status.valueOf(rs.getString(3)), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9), refusals, rs.getLong(10), total, Instant.ofEpochMilli(rs.getLong(12)), finishedAt, rs.getString(14));
    }

    private static String bounded(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
