package org.library.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.eclipse.persistence.annotations.ReadOnly;
import java.util.Objects;

/**
 * One row of the search's word index ({@code book_words}, see {@link SearchWords}), mapped so that
 * the catalogue's queries can read it in JPQL. Read-only here: {@link SearchWords#reindex} writes
 * it, in the transaction that changes the book or its author.
 */
@Entity
@ReadOnly
@Table(name = "book_words")
@IdClass(BookWord.Key.class)
public class BookWord implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(length = SearchWords.MAX_LENGTH)
    private String word;

    /**
     * The book's id, not a relationship: queries join it to the book themselves ({@code w.bookId =
     * b.id}), and order by it, where a path through a relationship would join the books twice.
     */
    @Id
    @Column(name = "book_id")
    private Long bookId;

    /** The book's title, repeated so that the index on (word, title, book) is in title order. */
    @Column(length = Book.TITLE_LENGTH)
    private String title;

    protected BookWord() {
    }

    public String getWord() {
        return word;
    }

    public Long getBookId() {
        return bookId;
    }

    public String getTitle() {
        return title;
    }

    /** Its identity, (word, book id): one row per word and book. The table's key also holds the title, for its order (V4). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String word;
        private Long bookId;

        public Key() {
        }

        public Key(String word, Long bookId) {
            this.word = word;
            this.bookId = bookId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(word, key.word) && Objects.equals(bookId, key.bookId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, bookId);
        }
    }
}
