package org.library.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.library.platform.RecordNotFoundException;

/**
 * The imports of this server, running and recent, so that their progress can be watched while
 * they run and their reports read afterwards.
 *
 * <p>Kept in memory, not in a table: a report is worth looking at for minutes, not for years, and
 * an import interrupted by a restart is simply run again — it is idempotent. The most recent
 * {@link #KEPT} finished imports are kept; every running one is.
 */
@ApplicationScoped
public class ImportJobs {

    static final int KEPT = 50;

    @Inject
    Clock clock;

    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final Deque<String> order = new ArrayDeque<>();

    /**
     * @param source     what is imported, for the report (a file name), or {@code null}
     * @param bytesTotal the size of the file when known, for the progress, or {@code null}
     */
    public ImportJob start(ImportKind kind, String source, Long bytesTotal) {
        ImportJob job = new ImportJob(kind, source, bytesTotal, clock);
        synchronized (order) {
            jobs.put(job.id(), job);
            order.addLast(job.id());
            forgetOldFinished();
        }
        return job;
    }

    /** @throws RecordNotFoundException when no such import ran here (recently) */
    public ImportJob job(String id) {
        return find(id).orElseThrow(() -> new RecordNotFoundException("import", id));
    }

    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id));
    }

    /** Running and recent imports, the newest first. */
    public List<ImportReport> recent() {
        return jobs.values().stream().map(ImportJob::report)
                .sorted(Comparator.comparing(ImportReport::startedAt).reversed()).toList();
    }

    private void forgetOldFinished() {
        int finished = (int) jobs.values().stream().filter(job -> !job.running()).count();
        for (var it = order.iterator(); it.hasNext() && finished > KEPT; ) {
            ImportJob job = jobs.get(it.next());
            if (job != null && !job.running()) {
                jobs.remove(job.id());
                it.remove();
                finished--;
            }
        }
    }
}
