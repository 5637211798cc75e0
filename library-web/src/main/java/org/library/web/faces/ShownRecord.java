package org.library.web.faces;

import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Map;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;

/**
 * The record a button acts on, as the page showed it: its id and version, posted with the button
 * ({@code <f:param name="id">}, {@code <f:param name="version">}). The book and author pages' beans
 * live for one request, so nothing of the page is kept for its post; the version the person saw
 * travels with it instead, and the service refuses it once the record has changed
 * ({@link org.library.platform.StaleVersionException}): a change made meanwhile is never deleted unseen.
 */
record ShownRecord(long id, long version) {

    /** @throws InvalidInputException when the post does not carry both (it did not come from the page) */
    static ShownRecord posted() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            return new ShownRecord(Long.parseLong(parameters.get("id")), Long.parseLong(parameters.get("version")));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldViolation("version",
                    "the page did not say which record and version it showed; open it again")));
        }
    }
}
