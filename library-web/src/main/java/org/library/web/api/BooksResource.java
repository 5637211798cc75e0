package org.library.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.library.catalog.CatalogService;
import org.library.platform.PageRequest;

/** The catalogue's books. */
@Path("books")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BooksResource {

    @Inject
    CatalogService catalog;

    @GET
    public PageView<BookView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("" + PageRequest.DEFAULT_SIZE)
                                   @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageView.of(catalog.books(new PageRequest(page, size)).map(BookView::of));
    }

    @GET
    @Path("{id}")
    public BookView get(@PathParam("id") long id) {
        return BookView.of(catalog.book(id));
    }
}
