package org.library.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.library.platform.AccessDeniedException;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.LibraryException;
import org.library.platform.RecordNotFoundException;
import org.library.platform.SqlStates;

/**
 * The one place where a business failure from a service becomes what a person sees on a page.
 * Backing beans call the services and never catch: whatever a service refuses arrives here.
 *
 * <ul>
 *   <li>{@link InvalidInputException}: each violation becomes an error message on the input whose
 *       id is the violation's field ({@code isbn}, {@code copies}, ...), shown beside it; a field
 *       without such an input gets a message at the top of the page. The limits themselves live
 *       only in the services' input records.</li>
 *   <li>{@link RecordNotFoundException} while a page is being opened (an unknown id in a
 *       bookmarkable URL): HTTP 404 and the friendly not-found page. On a form post (an unknown
 *       member number at the desk) it is a refusal like any other.</li>
 *   <li>{@link AccessDeniedException} while a page is being opened (a member opening another
 *       member's page): HTTP 403 and the forbidden page, with the service's reason. On a form post
 *       (a button the caller was never shown) it is a refusal at the top of the page.</li>
 *   <li>Any other {@link LibraryException} (no copy left, already holds, stale version, ...): an
 *       error message at the top of the page, which is shown again with what was typed; beside
 *       the input when the failure names one as its {@link LibraryException#field() field} (a
 *       taken e-mail address).</li>
 * </ul>
 *
 * A database that does not answer (or stopped during a commit) is the static 503 page.
 * Everything else goes to the wrapped handlers (OmniFaces renders the error page for ajax
 * requests; the container's error pages in {@code web.xml} do it otherwise).
 */
public class LibraryExceptionHandler extends ExceptionHandlerWrapper {

    public LibraryExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable thrown = events.next().getContext().getException();
            if (isForgedPost(thrown) && !context.getExternalContext().isResponseCommitted()) {
                events.remove();
                refuseForgedPost(context);
                continue;
            }
            if ((SqlStates.isUnavailable(thrown) || SqlStates.isCommitOutcomeUnknown(thrown))
                    && !context.getExternalContext().isResponseCommitted()) {
                events.remove(); // the database does not answer: the static "back in a moment" page, not a 500
                sendError(context, 503, UNAVAILABLE_MESSAGE, "The library's database does not answer right now.");
                continue;
            }
            Optional<LibraryException> failure = libraryException(thrown);
            if (failure.isEmpty() || context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE
                    || context.getExternalContext().isResponseCommitted()) {
                continue; // not ours, or too late to show a message: the error pages take it
            }
            events.remove();
            show(context, failure.get());
        }
        getWrapped().handle();
    }

    /**
     * A post without the nonce PrimeFaces put into this session's forms did not come from one of
     * our pages (a cross-site forgery, or a replay): nothing of it ran. The answer is a redirect
     * to a static page, since Faces refuses to render any view for such a request. Also the
     * answer to a stateless form posted from another site ({@link StatelessViews}).
     */
    static void refuseForgedPost(FacesContext context) {
        try {
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + "/errors/refused.html");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    static boolean isForgedPost(Throwable thrown) {
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.primefaces.csp.CspException) {
                return true;
            }
        }
        return false;
    }

    private static void show(FacesContext context, LibraryException failure) {
        if (!context.isPostback()) {
            if (failure instanceof RecordNotFoundException) {
                sendError(context, 404, NOT_FOUND_MESSAGE, failure.getMessage());
                return;
            }
            if (failure instanceof AccessDeniedException) {
                sendError(context, 403, FORBIDDEN_MESSAGE, failure.getMessage());
                return;
            }
        }
        if (failure instanceof InvalidInputException invalid) {
            for (FieldViolation violation : invalid.violations()) {
                Optional<String> clientId = clientIdOfInput(context, violation.field());
                String text = clientId.isPresent() ? violation.message() : violation.field() + ": " + violation.message();
                context.addMessage(clientId.orElse(null), error(text));
            }
        } else {
            // a refusal about one field (a taken e-mail address) beside it, when the page has it
            context.addMessage(failure.field().flatMap(field -> clientIdOfInput(context, field)).orElse(null),
                    error(failure.getMessage()));
        }
        // show the page again as submitted; nothing of the request's remaining phases runs
        context.validationFailed();
        context.renderResponse();
    }

    /** The not-found page shows this request attribute: the service's message, never a path. */
    public static final String NOT_FOUND_MESSAGE = "library.notFoundMessage";

    /** Why the unavailable page is shown, for the log's sake (the page itself is static). */
    private static final String UNAVAILABLE_MESSAGE = "library.unavailableMessage";

    /** The forbidden page shows this request attribute: why the caller may not see the page. */
    public static final String FORBIDDEN_MESSAGE = "library.forbiddenMessage";

    /** The container's error page for {@code status} (web.xml), with {@code message} for it to show. */
    private static void sendError(FacesContext context, int status, String attribute, String message) {
        context.getExternalContext().getRequestMap().put(attribute, message);
        try {
            context.getExternalContext().responseSendError(status, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /** The client id of the rendered component whose id is {@code field}, if the page has one. */
    private static Optional<String> clientIdOfInput(FacesContext context, String field) {
        AtomicReference<String> found = new AtomicReference<>();
        VisitContext visit = VisitContext.createVisitContext(context, null, EnumSet.of(VisitHint.SKIP_UNRENDERED));
        context.getViewRoot().visitTree(visit, (VisitContext ignored, UIComponent component) -> {
            if (field.equals(component.getId())) {
                found.set(component.getClientId(context));
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return Optional.ofNullable(found.get());
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }

    /** Faces wraps what an action throws (FacesException, ELException, ...): look inside. */
    static Optional<LibraryException> libraryException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof LibraryException library) {
                return Optional.of(library);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
