package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.library.catalog.Author;
import org.library.catalog.Book;
import org.library.catalog.BookData;
import org.library.catalog.CatalogService;
import org.library.catalog.Isbn;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.NaturalKey;
import org.library.platform.PageRequest;
import org.library.platform.SortOrder;

/**
 * Adds a book ({@code book-edit.xhtml}, optionally {@code ?author=7}) or changes one
 * ({@code ?id=3}). The limits are checked by the service; its violations appear beside the inputs.
 */
@Named
@ViewScoped
public class BookEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CatalogService catalog;

    @Inject
    private Inputs inputs;

    private Long id;
    private Long authorParam;
    private Long version;

    private String isbn;
    private String title;
    private Integer publicationYear;
    private Integer copies = 1;
    private Author author;

    public void load() {
        if (id != null) {
            Book book = catalog.book(id);
            version = book.getVersion();
            isbn = book.getIsbn();
            title = book.getTitle();
            publicationYear = book.getPublicationYear();
            copies = book.getCopies();
            author = book.getAuthor();
        } else if (authorParam != null) {
            author = catalog.author(authorParam);
        }
    }

    public String save() {
        List<FieldViolation> refused = new ArrayList<>();
        BookData data = new BookData(NaturalKey.parse("isbn", isbn, Isbn::parse, Isbn.FORM, refused), title,
                publicationYear, copies, author == null ? null : author.getId());
        inputs.refuseWithTheRest(refused, data);
        Book saved;
        if (isCreating()) {
            saved = catalog.createBook(data);
            Messages.flash("“" + saved.getTitle() + "” was added to the catalogue.");
        } else {
            saved = catalog.updateBook(id, version, data);
            Messages.flash("“" + saved.getTitle() + "” was saved.");
        }
        return Messages.redirect("book", saved.getId());
    }

    /** The author picker's suggestions: the first authors whose name contains the text. */
    public List<Author> completeAuthor(String text) {
        return catalog.authors(text, PageRequest.first(10), SortOrder.asc("name")).items();
    }

    public boolean isCreating() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getAuthorParam() {
        return authorParam;
    }

    public void setAuthorParam(Long authorParam) {
        this.authorParam = authorParam;
    }

    public String getIsbn() {
        return isbn;
    }

    public void setIsbn(String isbn) {
        this.isbn = isbn;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Integer getPublicationYear() {
        return publicationYear;
    }

    public void setPublicationYear(Integer publicationYear) {
        this.publicationYear = publicationYear;
    }

    public Integer getCopies() {
        return copies;
    }

    public void setCopies(Integer copies) {
        this.copies = copies;
    }

    public Author getAuthor() {
        return author;
    }

    public void setAuthor(Author author) {
        this.author = author;
    }
}
