package org.library.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.inject.Named;

/**
 * A visitor without an HTTP session (one who never logged in, or whose session ended) gets
 * stateless (transient) views, so that browsing the public pages creates no session: a loop of
 * anonymous requests cannot fill the heap, or the cluster's data grid, with sessions that live for
 * half an hour. Once a session exists (logging in creates it), views keep their state in it as
 * before.
 *
 * <p>Two hooks, one rule ({@link #appliesTo}):
 * <ul>
 *   <li>as a phase listener, after the restore phase: PrimeFaces' CSP listener asks for the view
 *       map (and Mojarra then for a session) just before the render phase unless the view is
 *       transient by then, and {@code <f:view transient>} is applied only while the render phase
 *       builds the view, too late;</li>
 *   <li>as {@code #{statelessViews.active}} for the template's {@code <f:view transient>}: a post
 *       of a stateless view is restored by building the view again, and Mojarra refuses the result
 *       unless the markup made it transient.</li>
 * </ul>
 * Pages shown this way must not use view-scoped beans (a view map makes Mojarra create a session
 * even for a transient view): the public pages' beans are request-scoped, and their lists page
 * and sort with links.
 *
 * <p>A stateful view's post is only accepted with the view state kept in the poster's own session,
 * which another site cannot know; a stateless view's post carries no such secret. Its form (the
 * login form) is therefore refused when the browser says it was sent from another site
 * ({@code Sec-Fetch-Site}), so that no other site can log a visitor in to an account of its
 * choosing (login forgery). Browsers send the header on HTTPS, which the application is to be
 * served over; a client that sends none (curl, an old browser) is not a forgery's victim.
 */
@Named
@ApplicationScoped
public class StatelessViews implements PhaseListener {

    private static final long serialVersionUID = 1L;

    /** Whether the current request's view keeps no state: the caller has no session. */
    public boolean isActive() {
        return appliesTo(FacesContext.getCurrentInstance());
    }

    static boolean appliesTo(FacesContext context) {
        return context.getExternalContext().getSession(false) == null;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot view = context.getViewRoot();
        if (view == null) {
            return;
        }
        if (context.isPostback() && view.isTransient() && fromAnotherSite(context)) {
            LibraryExceptionHandler.refuseForgedPost(context);
        } else if (!view.isTransient() && appliesTo(context)) {
            view.setTransient(true);
        }
    }

    /** Whether the browser says the request was sent by a page of another site. */
    static boolean fromAnotherSite(FacesContext context) {
        String site = context.getExternalContext().getRequestHeaderMap().get("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing: the view exists only after this phase
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
