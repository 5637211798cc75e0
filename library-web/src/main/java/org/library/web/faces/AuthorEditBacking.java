package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.library.catalog.Author;
import org.library.catalog.AuthorData;
import org.library.catalog.CatalogService;

/** Adds an author ({@code author-edit.xhtml}) or changes one ({@code ?id=7}). */
@Named
@ViewScoped
public class AuthorEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CatalogService catalog;

    private Long id;
    private Long version;
    private String name;
    private Integer birthYear;
    private Integer deathYear;

    public void load() {
        if (id != null) {
            Author author = catalog.author(id);
            version = author.getVersion();
            name = author.getName();
            birthYear = author.getBirthYear();
            deathYear = author.getDeathYear();
        }
    }

    public String save() {
        AuthorData data = new AuthorData(name, birthYear, deathYear);
        Author saved = isCreating() ? catalog.createAuthor(data) : catalog.updateAuthor(id, version, data);
        Messages.flash(saved.getName() + (isCreating() ? " was added." : " was saved."));
        return Messages.redirect("author", saved.getId());
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(Integer birthYear) {
        this.birthYear = birthYear;
    }

    public Integer getDeathYear() {
        return deathYear;
    }

    public void setDeathYear(Integer deathYear) {
        this.deathYear = deathYear;
    }
}
