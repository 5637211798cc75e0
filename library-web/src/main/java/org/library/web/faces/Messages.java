package org.library.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages at the top of a page; success messages survive the redirect of post/redirect/get (the flash). */
final class Messages {

    private Messages() {
    }

    /** Adds an information message for the next page, the one the redirect leads to. */
    static void flash(String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }

    /** An information message at the top of this page, e.g. after an ajax action that stays on it. */
    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** A warning at the top of this page, e.g. that a page asked for in the URL does not exist. */
    static void warn(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, text));
    }

    /** An outcome that redirects to {@code page} (e.g. {@code book}) with the given id. */
    static String redirect(String page, Object id) {
        return page + "?faces-redirect=true&id=" + id;
    }

    static String redirect(String page) {
        return page + "?faces-redirect=true";
    }

    /** A text of the application's message bundle (faces-config.xml), by its key. */
    static String bundle(FacesContext context, String key) {
        String name = context.getApplication().getMessageBundle();
        return java.util.ResourceBundle.getBundle(name, context.getViewRoot() != null ? context.getViewRoot().getLocale()
                : java.util.Locale.ENGLISH, Thread.currentThread().getContextClassLoader()).getString(key);
    }
}
