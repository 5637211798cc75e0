package org.library.web.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.Page;
import org.library.platform.Precondition;

/**
 * How every resource answers lists and versioned records: the page in the body with what is known of
 * its total, {@code Link} headers to the neighbouring pages, and an {@code ETag} made from the record's
 * {@code @Version}, honoured in {@code If-Match} and {@code If-None-Match}.
 */
final class Responses {

    /**
     * What an operation that answers 204 produces: nothing, so any {@code Accept} will do. A client
     * generated from the document asks such an operation only for its errors' type
     * ({@code application/problem+json}), which the resources' {@code application/json} would refuse with 406.
     */
    static final String NO_BODY = jakarta.ws.rs.core.MediaType.WILDCARD;

    static final String TOTAL_COUNT = "X-Total-Count";

    private Responses() {
    }

    /**
     * 200 with the page and {@code Link: <…>; rel="first"/"prev"/"next"}; where the total is exact,
     * {@code X-Total-Count} and {@code rel="last"} too (see {@link Page} for when it is).
     */
    static <E, V> Response page(Page<E> page, Function<? super E, ? extends V> view, UriInfo uri) {
        Page<V> views = page.map(view);
        List<Link> links = new ArrayList<>();
        links.add(link(uri, 0, views.size(), "first"));
        if (views.totalExact()) {
            links.add(link(uri, Math.max(0, views.totalPages() - 1), views.size(), "last"));
        }
        if (views.page() > 0) {
            int prev = views.page() - 1;
            links.add(link(uri, views.totalExact() ? Math.min(prev, Math.max(0, views.totalPages() - 1)) : prev, views.size(), "prev"));
        }
        if (views.hasNext()) {
            links.add(link(uri, views.page() + 1, views.size(), "next"));
        }
        Response.ResponseBuilder ok = Response.ok(PageView.of(views)).links(links.toArray(Link[]::new));
        if (views.totalExact()) {
            ok.header(TOTAL_COUNT, views.total());
        }
        return ok.build();
    }

    private static Link link(UriInfo uri, int page, int size, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder()
                .replaceQueryParam("page", page).replaceQueryParam("size", size)).rel(rel).build();
    }

    /** 201 with the {@code Location} of the new record (the request path plus its id) and its ETag. */
    static Response created(UriInfo uri, long id, long version, Object view) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
                .tag(etag(version)).entity(view).build();
    }

    /**
     * The answer to a write by natural key ({@code PUT …/by-isbn/{isbn}}): 201 with the
     * {@code Location} of the record's canonical URL ({@code …/books/{id}}) when the write created
     * it, else 200; either with its ETag, and the canonical URL in {@code Content-Location} as
     * {@link #byKey} gives it.
     */
    static Response upserted(UriInfo uri, Class<?> resource, long id, long version, Object view, boolean created) {
        URI canonical = canonical(uri, resource, id);
        return (created ? Response.created(canonical) : Response.ok()).contentLocation(canonical)
                .tag(etag(version)).entity(view).build();
    }

    /** A record read by its natural key: as {@link #versioned}, naming its canonical URL in {@code Content-Location}. */
    static Response byKey(UriInfo uri, Class<?> resource, long id, Object view, long version, Request request) {
        return Response.fromResponse(versioned(view, version, request)).contentLocation(canonical(uri, resource, id)).build();
    }

    private static URI canonical(UriInfo uri, Class<?> resource, long id) {
        return uri.getBaseUriBuilder().path(resource).path(String.valueOf(id)).build();
    }

    /**
     * What a write by natural key is conditional on: {@code If-Match} (optional there: a sync job
     * writes unconditionally; when given, the record must exist, at that version unless {@code *}),
     * {@code If-None-Match: *} (create only). Another {@code If-None-Match} is refused: a write has
     * no use for one.
     */
    static Precondition precondition(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean absent = ifNoneMatch != null && !ifNoneMatch.isBlank();
        if (absent && !ifNoneMatch.strip().equals("*")) {
            throw new InvalidInputException(List.of(new FieldViolation(HttpHeaders.IF_NONE_MATCH,
                    "must be * (create only) on a write, or be left out")));
        }
        boolean exists = ifMatch != null && !ifMatch.isBlank();
        return new Precondition(exists, expectedVersion(headers), absent);
    }

    /** 200 with the changed record and its new ETag. */
    static Response changed(Object view, long version) {
        return Response.ok(view).tag(etag(version)).build();
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the record and its ETag, or 304 when the client's {@code If-None-Match} is current. */
    static Response versioned(Object view, long version, Request request) {
        EntityTag tag = etag(version);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(view).tag(tag).build();
    }

    /**
     * The version the client based a change of a record on, from {@code If-Match: "3"}: required
     * on every PUT and DELETE of a record, so that two clients never overwrite each other without
     * knowing (RFC 6585: 428 when it is missing). {@code If-Match: *} is the client saying, in so
     * many words, that it wants the change whatever the current version is: {@code null}, no check.
     *
     * @throws WebApplicationException 428 when the header is missing
     */
    static Long requiredVersion(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new WebApplicationException(Response.Status.PRECONDITION_REQUIRED);
        }
        return expectedVersion(headers);
    }

    /**
     * The version in {@code If-Match}, {@code null} without the header or with {@code *} (no check).
     * The service compares it with the current version and refuses a stale one (412).
     */
    static Long expectedVersion(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        java.util.OptionalLong version = org.library.platform.Numbers.parseLong(value);
        if (version.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldViolation("If-Match",
                    "must be an ETag this API gave out, such as \"3\"")));
        }
        return version.getAsLong();
    }
}
