package org.library.web.api;

import org.library.catalog.Book;
import org.library.catalog.CatalogueEntry;

/**
 * A book as the API shows it: with its author, how many copies can be borrowed now, and how many
 * are set aside for members whose hold came up.
 */
public record BookView(long id, String isbn, String title, Integer publicationYear, AuthorRef author,
                       int copies, int copiesAvailable, int copiesSetAside, long version) {

    static BookView of(Book book) {
        return of(CatalogueEntry.of(book));
    }

    static BookView of(CatalogueEntry book) {
        return new BookView(book.getId(), book.getIsbn(), book.getTitle(), book.getPublicationYear(),
                new AuthorRef(book.getAuthorId(), book.getAuthorName()), book.getCopies(), book.getAvailable(),
                book.getOnHold(), book.getVersion());
    }
}
