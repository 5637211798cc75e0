package org.library.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the catalogue, the members and the loan ledger as CSV (RFC 4180, UTF-8, a header row)
 * to a stream, {@link #CHUNK} rows at a time: memory stays the same however large the library.
 *
 * <p>The books and members files have exactly the columns their import reads, so that an export
 * imported again (here or into another library) gives the same catalogue. A value a spreadsheet
 * would run as a formula is written with a quote in front, which the import takes away again. Each chunk is read in a
 * transaction of its own: the file is consistent row by row, not a snapshot of one instant — a
 * book added while the export runs is in it if its id comes after the chunk being read.
 */
@ApplicationScoped
public class CsvExports {

    static final int CHUNK = 1000;

    /** The columns of the loans file (which has no import). */
    public static final List<String> LOAN_COLUMNS =
            List.of("member_number", "isbn", "title", "borrowed_at", "due_on", "returned_at", "renewals");

    @Inject
    ExportQueries queries;

    public void books(OutputStream out) throws IOException {
        write(out, ImportKind.BOOKS.columns(), queries::books);
    }

    public void members(OutputStream out) throws IOException {
        write(out, ImportKind.MEMBERS.columns(), queries::members);
    }

    public void loans(OutputStream out) throws IOException {
        write(out, LOAN_COLUMNS, queries::loans);
    }

    /** Writes chunk after chunk, each after the last id of the one before, flushing each to the client. */
    private static void write(OutputStream out, List<String> columns, BiFunction<Long, Integer, List<Object[]>> chunks)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get();
        // not closed: the stream belongs to the caller (the HTTP response)
        CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), format);
        long after = 0;
        for (List<Object[]> chunk = chunks.apply(after, CHUNK); !chunk.isEmpty(); chunk = chunks.apply(after, CHUNK)) {
            for (Object[] row : chunk) {
                printer.printRecord(Arrays.stream(row, 1, row.length).map(CsvExports::text));
            }
            printer.flush();
            after = ((Number) chunk.get(chunk.size() - 1)[0]).longValue();
        }
        printer.flush();
    }

    /**
     * Values as the import reads them: nothing for null, ISO-8601 for dates and instants; and
     * never a formula for a spreadsheet to run ({@link FormulaEscaping}), numbers included: a
     * negative year starts with '-'.
     */
    private static String text(Object value) {
        return value == null ? "" : FormulaEscaping.escape(value.toString());
    }
}
