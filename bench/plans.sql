-- The statements behind GET /api/books (a page of 20, read as 21 rows: the 21st says whether a
-- next page follows) and GET /api/books?q=… (a search by words, sorted by title), in the form
-- EclipseLink sends them to Derby (offset and row count bound as parameters), each executed once
-- with Derby's runtime statistics: the plan it chose and the rows it visited. The page's authors
-- come in one more statement by primary key (WHERE ID IN (…)), left out here.
-- Run by bench/plans.sh on the database a bench/run.sh run left behind.
CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1);
CALL SYSCS_UTIL.SYSCS_SET_STATISTICS_TIMING(1);
MAXIMUMDISPLAYWIDTH 20000;

-- book list: a page of the title index
prepare page as 'SELECT ID, COPIES, ISBN, ON_HOLD, ON_LOAN, PUBLICATION_YEAR, TITLE, VERSION, AUTHOR_ID FROM BOOKS ORDER BY TITLE ASC NULLS LAST, ID ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute page using 'values (180, 21)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- search for one word: a page of the word index's key (word, title, book), each book by primary key
prepare search as 'SELECT t1.ID AS a1, t1.COPIES AS a2, t1.ISBN AS a3, t1.on_hold AS a4, t1.on_loan AS a5, t1.publication_year AS a6, t1.TITLE AS a7, t1.VERSION AS a8, t1.author_id AS a9 FROM book_words t0, books t1 WHERE ((t0.book_id = t1.ID) AND (t0.WORD = ?)) ORDER BY t0.TITLE ASC NULLS LAST, t0.book_id ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute search using 'values (''winter'', 0, 21)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- search for two words: the longer one read in title order, the other looked up per row by book id
prepare search2 as 'SELECT t1.ID AS a1, t1.COPIES AS a2, t1.ISBN AS a3, t1.on_hold AS a4, t1.on_loan AS a5, t1.publication_year AS a6, t1.TITLE AS a7, t1.VERSION AS a8, t1.author_id AS a9 FROM book_words t0, books t1 WHERE (((t0.book_id = t1.ID) AND (t0.WORD = ?)) AND ((SELECT COUNT(t2.book_id) FROM book_words t2 WHERE ((t2.book_id = t0.book_id) AND (TRIM(t2.WORD) = ?))) > ?)) ORDER BY t0.TITLE ASC NULLS LAST, t0.book_id ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute search2 using 'values (''secret'', ''garden'', 0, 0, 21)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- search for a word no title or name contains: one index probe
execute search using 'values (''zzz'', 0, 21)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- a truncated word (gard*): the books in title order until 21 have a word it begins
prepare prefix as 'SELECT t0.ID AS a1, t0.COPIES AS a2, t0.ISBN AS a3, t0.on_hold AS a4, t0.on_loan AS a5, t0.publication_year AS a6, t0.TITLE AS a7, t0.VERSION AS a8, t0.author_id AS a9 FROM books t0 WHERE t0.ID IN (SELECT t1.book_id FROM book_words t1 WHERE t1.WORD LIKE ?) ORDER BY t0.TITLE ASC NULLS LAST, t0.ID ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute prefix using 'values (''gard%'', 0, 21)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- total=true on a search: the ids of at most 10,001 matching books from the word index alone
prepare scount as 'SELECT t0.book_id FROM book_words t0 WHERE (t0.WORD = ?) FETCH FIRST 10001 ROWS ONLY';
execute scount using 'values (''winter'')';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();
