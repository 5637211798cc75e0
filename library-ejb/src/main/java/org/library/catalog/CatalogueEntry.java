package org.library.catalog;

import java.io.Serializable;

/**
 * A book as the catalogue shows it, in lists and on its own: what the catalogue says of it (ISBN,
 * title, year, copies, author), which only catalogue edits change and which {@link CatalogueCache}
 * may hold, and where its copies are ({@code onLoan}, {@code onHold}, and the record's version,
 * which circulation moves too), always read from the database. Immutable; JavaBean getters for the
 * pages' expression language, which does not read record components.
 */
public final class CatalogueEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String isbn;
    private final String title;
    private final Integer publicationYear;
    private final int copies;
    private final long authorId;
    private final String authorName;
    private final int onLoan;
    private final int onHold;
    private final long version;

    private CatalogueEntry(long id, String isbn, String title, Integer publicationYear, int copies, long authorId,
                           String authorName, int onLoan, int onHold, long version) {
        this.id = id;
        this.isbn = isbn;
        this.title = title;
        this.publicationYear = publicationYear;
        this.copies = copies;
        this.authorId = authorId;
        this.authorName = authorName;
        this.onLoan = onLoan;
        this.onHold = onHold;
        this.version = version;
    }

    /** The book as read in this transaction; its author must be loaded (or loadable) too. */
    public static CatalogueEntry of(Book book) {
        return new CatalogueEntry(book.getId(), book.getIsbn(), book.getTitle(), book.getPublicationYear(), book.getCopies(),
                book.getAuthor().getId(), book.getAuthor().getName(), book.getOnLoan(), book.getOnHold(), book.getVersion());
    }

    /** The same catalogue data with where the copies are now. */
    CatalogueEntry withCirculation(int onLoan, int onHold, long version) {
        return new CatalogueEntry(id, isbn, title, publicationYear, copies, authorId, authorName, onLoan, onHold, version);
    }

    public long getId() {
        return id;
    }

    public String getIsbn() {
        return isbn;
    }

    public String getTitle() {
        return title;
    }

    public Integer getPublicationYear() {
        return publicationYear;
    }

    public int getCopies() {
        return copies;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public int getOnLoan() {
        return onLoan;
    }

    /** Copies set aside for members whose hold came up. */
    public int getOnHold() {
        return onHold;
    }

    /** Copies on the shelf that may be borrowed now. */
    public int getAvailable() {
        return copies - onLoan - onHold;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "CatalogueEntry[" + id + ", " + isbn + ", v" + version + "]";
    }
}
