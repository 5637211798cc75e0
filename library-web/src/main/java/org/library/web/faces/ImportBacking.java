package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.library.transfer.CsvImporter;
import org.library.transfer.ImportJobs;
import org.library.transfer.ImportKind;
import org.library.transfer.ImportReport;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The import page: a CSV file of books or members is uploaded, imported in the background, and
 * its progress and report shown while the page polls.
 *
 * <p>Why in the background: a large file takes minutes, longer than a request should wait. The
 * upload is copied to a file of its own first (streamed, never held in memory), because the
 * container deletes the uploaded part when the request ends; the import deletes the copy when it
 * is done.
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ImportJobs jobs;

    @Inject
    private CsvImporter importer;

    private ImportKind kind = ImportKind.BOOKS;

    private String jobId;

    /** Read again while the import runs, kept once it has ended. */
    private transient ImportReport report;

    public void upload(FileUploadEvent event) throws IOException {
        UploadedFile upload = event.getFile();
        Path copy = Files.createTempFile("library-import-", ".csv");
        try (InputStream in = upload.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            report = null;
            jobId = importer.startInBackground(kind, upload.getFileName(), copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /**
     * The report of the import started on this page, or {@code null} before the upload: read from
     * the database, as the REST API reads it, whichever instance runs the import.
     */
    public ImportReport getReport() {
        if (report == null || report.running()) {
            report = jobs.find(jobId).orElse(null);
        }
        return report;
    }

    public boolean isRunning() {
        ImportReport shown = getReport();
        return shown != null && shown.running();
    }

    public List<ImportKind> getKinds() {
        return List.of(ImportKind.values());
    }

    /** The header a file of the chosen kind needs, as a hint beside the upload. */
    public String getColumns() {
        return String.join(",", kind.required());
    }

    public String getOptionalColumns() {
        return String.join(",", kind.optional());
    }

    public ImportKind getKind() {
        return kind;
    }

    public void setKind(ImportKind kind) {
        this.kind = kind;
    }
}
