package org.library.web.api;

/** A request body that becomes a service's input record, whose Bean Validation is the one set of limits. */
interface ServiceInput {

    Object data();
}
