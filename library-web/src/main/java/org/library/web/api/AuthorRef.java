package org.library.web.api;

import org.library.catalog.Author;

/** An author as other resources refer to it: enough to show and to follow. */
public record AuthorRef(long id, String name) {

    static AuthorRef of(Author author) {
        return new AuthorRef(author.getId(), author.getName());
    }
}
