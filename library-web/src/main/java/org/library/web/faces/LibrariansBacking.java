package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.library.platform.SortOrder;
import org.library.staff.Librarian;
import org.library.staff.StaffService;

/** The librarians, each with their profile (fetched with them), a page at a time. */
@Named
@ViewScoped
public class LibrariansBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StaffService staff;

    private final ServicePageModel<Librarian> librarians = new ServicePageModel<>(
            (request, sort) -> staff.librarians(request, sort), SortOrder.asc("name"), Librarian::getId);

    public ServicePageModel<Librarian> getLibrarians() {
        return librarians;
    }
}
