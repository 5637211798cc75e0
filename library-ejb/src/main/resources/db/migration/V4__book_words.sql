-- The catalogue search's word index (see org.library.catalog.SearchWords): one row per distinct
-- word of a book's title and its author's name. The title is repeated here so that the books
-- having a word come out of one index in title order: a search reads a page of that index, not
-- the whole catalogue. Derived rows: they go with their book.

CREATE TABLE book_words (
    word     VARCHAR(40) NOT NULL,
    book_id  BIGINT NOT NULL,
    title    VARCHAR(300) NOT NULL,
    -- The key in the order a search reads it: a word's books by title. With the title in it, it is
    -- still one row per word and book (a book has one title), and the table needs no second index
    -- on (word, book): the check of a search's further words finds a book's few rows by book_id.
    CONSTRAINT pk_book_words PRIMARY KEY (word, title, book_id),
    CONSTRAINT fk_book_words_book FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE,
    CONSTRAINT ck_book_words_word CHECK (LENGTH(word) > 0)
);
-- for the re-indexing of a book, the cascade and the check of further words (see ix_books_author
-- about Derby's warning)
CREATE INDEX ix_book_words_book ON book_words (book_id);

-- V5 (org.library.catalog.BookWordsMigration) fills it for the books already catalogued.
