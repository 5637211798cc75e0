package org.library.web.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/**
 * Installs {@link LibraryExceptionHandler}. Declared in {@code faces-config.xml} after OmniFaces'
 * {@code FullAjaxExceptionHandlerFactory}, so that it wraps it and sees every exception first.
 */
public class LibraryExceptionHandlerFactory extends ExceptionHandlerFactory {

    public LibraryExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new LibraryExceptionHandler(getWrapped().getExceptionHandler());
    }
}
