-- The statements behind GET /api/books (a page of 20 and its count) and GET /api/books?q=…, as
-- EclipseLink sends them to Derby (the offset, the row count and the patterns bound as parameters),
-- each executed once with Derby's runtime statistics: the plan it chose and the rows it visited.
-- Run by bench/plans.sh on the database a bench/run.sh run left behind.
CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1);
CALL SYSCS_UTIL.SYSCS_SET_STATISTICS_TIMING(1);
MAXIMUMDISPLAYWIDTH 20000;

-- book list: the page
prepare page as 'SELECT t1.ID, t1.COPIES, t1.ISBN, t1.ON_HOLD, t1.ON_LOAN, t1.PUBLICATION_YEAR, t1.TITLE, t1.VERSION, t1.AUTHOR_ID, t0.ID, t0.BIRTH_YEAR, t0.DEATH_YEAR, t0.NAME, t0.VERSION FROM BOOKS t1, AUTHORS t0 WHERE (t0.ID = t1.AUTHOR_ID) ORDER BY t1.TITLE ASC NULLS LAST, t1.ID ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute page using 'values (0, 20)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- book list: the count
prepare pcount as 'SELECT COUNT(t1.ID) FROM BOOKS t1, AUTHORS t0 WHERE (t0.ID = t1.AUTHOR_ID)';
execute pcount;
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- search: the page
prepare search as 'SELECT t1.ID, t1.COPIES, t1.ISBN, t1.ON_HOLD, t1.ON_LOAN, t1.PUBLICATION_YEAR, t1.TITLE, t1.VERSION, t1.AUTHOR_ID, t0.ID, t0.BIRTH_YEAR, t0.DEATH_YEAR, t0.NAME, t0.VERSION FROM BOOKS t1, AUTHORS t0 WHERE (((LOWER(t1.TITLE) LIKE ? ESCAPE ''\'') OR (LOWER(t0.NAME) LIKE ? ESCAPE ''\'')) AND (t0.ID = t1.AUTHOR_ID)) ORDER BY t1.TITLE ASC NULLS LAST, t1.ID ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute search using 'values (''%lantern%'', ''%lantern%'', 0, 20)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- search: the count
prepare scount as 'SELECT COUNT(t1.ID) FROM BOOKS t1, AUTHORS t0 WHERE (((LOWER(t1.TITLE) LIKE ? ESCAPE ''\'') OR (LOWER(t0.NAME) LIKE ? ESCAPE ''\'')) AND (t0.ID = t1.AUTHOR_ID))';
execute scount using 'values (''%lantern%'', ''%lantern%'')';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();

-- search for a word no title or name contains: how far the page walks
prepare nomatch as 'SELECT t1.ID, t1.COPIES, t1.ISBN, t1.ON_HOLD, t1.ON_LOAN, t1.PUBLICATION_YEAR, t1.TITLE, t1.VERSION, t1.AUTHOR_ID, t0.ID, t0.BIRTH_YEAR, t0.DEATH_YEAR, t0.NAME, t0.VERSION FROM BOOKS t1, AUTHORS t0 WHERE (((LOWER(t1.TITLE) LIKE ? ESCAPE ''\'') OR (LOWER(t0.NAME) LIKE ? ESCAPE ''\'')) AND (t0.ID = t1.AUTHOR_ID)) ORDER BY t1.TITLE ASC NULLS LAST, t1.ID ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY';
execute nomatch using 'values (''%zzz%'', ''%zzz%'', 0, 20)';
VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS();
