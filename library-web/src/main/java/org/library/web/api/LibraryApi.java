package org.library.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API for integrating systems, under {@code /library/api}. */
@ApplicationPath("api")
public class LibraryApi extends Application {
}
