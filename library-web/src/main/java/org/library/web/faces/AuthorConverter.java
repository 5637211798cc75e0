package org.library.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.library.catalog.Author;
import org.library.catalog.CatalogService;

/** An author in a form is its id; the author picker of the book form uses it. */
@Named
@ApplicationScoped
public class AuthorConverter implements Converter<Author> {

    @Inject
    private CatalogService catalog;

    @Override
    public Author getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("\\d{1,18}")) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "choose an author from the list", "choose an author from the list"));
        }
        return catalog.author(Long.parseLong(value.strip()));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Author author) {
        return author == null || author.getId() == null ? "" : author.getId().toString();
    }
}
