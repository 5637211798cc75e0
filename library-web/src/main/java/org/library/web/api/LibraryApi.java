package org.library.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API for integrating systems, under {@code /library/api}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Library API", version = "1",
        description = "Catalogue (authors 1:N books), members and circulation (members M:N books through borrows, "
                + "with the loan ledger), staff (librarian 1:1 profile). Lists are paged (page, size ≤ 100), sortable "
                + "(sort=field or -field) and carry Link headers (next while another page follows); total=true counts the list "
                + "(exactly up to 10,000 rows) and adds X-Total-Count. Records carry an ETag; send it in "
                + "If-Match to change or delete them safely. Every error is an application/problem+json document."))
public class LibraryApi extends Application {
}
