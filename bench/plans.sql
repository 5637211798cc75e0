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

-- search for one word: a page of the word index (word, title, book), each book by primary key
prepare search as 'SELECT t1.ID, t1.COPIES, t1.ISBN, t1.ON_HOLD, t1.ON_LOAN, t1.PUBLICATION_YEAR, t1.TITLE, t1.VERSION, t1.AUTHOR_ID FROM BOOK_WORDS t0, BOOKS t1 WHERE ((t0.WORD = ?) AND (t1.ID = t0.BOOK_ID)) ORDER BY t0.TITLE ASC NULLS LAST, t0.BOOK_ID ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute search using 'values (''winter'', 0, 21)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- search for two words: the longer one read in title order, the other checked by primary key
prepare search2 as 'SELECT t1.ID, t1.COPIES, t1.ISBN, t1.ON_HOLD, t1.ON_LOAN, t1.PUBLICATION_YEAR, t1.TITLE, t1.VERSION, t1.AUTHOR_ID FROM BOOK_WORDS t0, BOOKS t1 WHERE (((t0.WORD = ?) AND EXISTS (SELECT t2.WORD FROM BOOK_WORDS t2 WHERE ((t2.BOOK_ID = t0.BOOK_ID) AND (t2.WORD = ?)))) AND (t1.ID = t0.BOOK_ID)) ORDER BY t0.TITLE ASC NULLS LAST, t0.BOOK_ID ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute search2 using 'values (''secret'', ''garden'', 0, 21)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- search for a word no title or name contains: one index probe
execute search using 'values (''zzz'', 0, 21)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- total=true on a search: the ids of at most 10,001 matching books, in no order
prepare scount as 'SELECT t1.ID FROM BOOK_WORDS t0, BOOKS t1 WHERE ((t0.WORD = ?) AND (t1.ID = t0.BOOK_ID)) FETCH FIRST 10001 ROWS ONLY';
execute scount using 'values (''winter'')';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();
