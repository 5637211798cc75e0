package org.library.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
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

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "book_id")
    private Book book;

    /** The book's title, repeated so that the index on (word, title, book) is in title order. */
    @Column(length = 300)
    private String title;

    protected BookWord() {
    }

    public String getWord() {
        return word;
    }

    public Book getBook() {
        return book;
    }

    public String getTitle() {
        return title;
    }

    /** The primary key, (word, book). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String word;
        private Long book;

        public Key() {
        }

        public Key(String word, Long book) {
            this.word = word;
            this.book = book;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(word, key.word) && Objects.equals(book, key.book);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, book);
        }
    }
}
