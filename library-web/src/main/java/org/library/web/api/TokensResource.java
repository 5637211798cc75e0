package org.library.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.library.accounts.ApiToken;
import org.library.accounts.ApiTokens;
import org.library.accounts.IssuedToken;
import org.library.accounts.TokenData;
import org.library.platform.access.Allowed;
import org.library.platform.access.Roles;

/**
 * API tokens of systems: made by staff (the secret is in the answer to the POST and nowhere
 * else, ever), listed with their last use, revoked at once.
 */
@Path("tokens")
@ApplicationScoped
@Allowed(Roles.ADMINISTRATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
public class TokensResource {

    @Inject
    ApiTokens tokens;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    /** A new token: what it is for, its scopes, and when it expires (none: never). */
    public record TokenInput(@Schema(example = "catalogue sync", required = true) String name,
                             @Schema(type = SchemaType.ARRAY, implementation = String.class, required = true,
                                     enumeration = {Roles.CATALOGUE_READ, Roles.CATALOGUE_WRITE, Roles.MEMBERS_WRITE,
                                             Roles.CIRCULATION, Roles.ADMINISTRATION},
                                     description = "One or more of catalogue:read, catalogue:write, members:write, circulation, administration")
                             List<String> scopes,
                             @Schema(example = "2027-06-30T00:00:00Z", description = "none: never") Instant expiresAt) {

        TokenData data() {
            return new TokenData(name, scopes, expiresAt);
        }
    }

    /** A token as listed: never its secret nor its hash. {@code state}: ACTIVE, EXPIRED or REVOKED. */
    public record TokenView(long id, String name, List<String> scopes, String state, String createdBy, Instant createdAt,
                            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

        static TokenView of(ApiToken token, Instant now) {
            return new TokenView(token.getId(), token.getName(), token.getScopes(), token.state(now).name(), token.getCreatedBy(),
                    token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt(), token.getRevokedAt());
        }
    }

    /** The answer to the creation: the token, and its secret, shown this once. */
    // Payara documents only the annotated components of a record that annotates any: each one is, then
    public record IssuedTokenView(@Schema(example = "7") long id,
                                  @Schema(example = "catalogue sync") String name,
                                  @Schema(type = SchemaType.ARRAY, implementation = String.class) List<String> scopes,
                                  @Schema(example = "ACTIVE") String state,
                                  @Schema(example = "2026-11-29T09:30:00Z") Instant createdAt,
                                  @Schema(example = "2027-06-30T00:00:00Z", description = "none: never") Instant expiresAt,
                                  @Schema(description = "Send it as Authorization: Bearer <secret>. Shown only here: "
                                          + "store it now, it cannot be read again.")
                                  String secret) {

        static IssuedTokenView of(IssuedToken issued, Instant now) {
            ApiToken token = issued.token();
            return new IssuedTokenView(token.getId(), token.getName(), token.getScopes(), token.state(now).name(),
                    token.getCreatedAt(), token.getExpiresAt(), issued.secret());
        }

        @Override
        public String toString() {
            return "IssuedTokenView[" + id + "]"; // never the secret
        }
    }

    /** The OpenAPI schema of a page of tokens. */
    @Schema(name = "TokenPage")
    record TokenPage(List<TokenView> items, int page, int size, boolean hasNext, long total, boolean totalExact) {
    }

    @POST
    @Operation(operationId = "createToken", summary = "Make an API token", description = "Scopes: " + Roles.CATALOGUE_READ + ", " + Roles.CATALOGUE_WRITE
            + ", " + Roles.MEMBERS_WRITE + ", " + Roles.CIRCULATION + ", " + Roles.ADMINISTRATION + ". The answer carries the secret, once: it is stored only as a hash. "
            + "409 when the library has as many usable tokens as it allows.")
    @APIResponse(responseCode = "201", description = "Created; Location names the token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IssuedTokenView")))
    public Response create(TokenInput body) {
        IssuedToken issued = tokens.create(body == null ? null : body.data());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.token().getId())).build())
                .cacheControl(noStore).entity(IssuedTokenView.of(issued, clock.instant())).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List API tokens", description = "Usable, expired and revoked, with their last use (exact to a minute); "
            + "never a secret. Paged; sortable by name, createdAt, expiresAt, lastUsedAt.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenPage")))
    public Response list(@BeanParam Paging paging) {
        Instant now = clock.instant();
        return Responses.page(tokens.tokens(paging.request(), paging.sort("name")), token -> TokenView.of(token, now), uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getToken", summary = "Read an API token", description = "Never its secret.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenView")))
    public TokenView get(@PathParam("id") long id) {
        return TokenView.of(tokens.token(id), clock.instant());
    }

    @DELETE
    @Produces(Responses.NO_BODY)
    @Path("{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke an API token", description = "Its next request is refused (401), on every instance. "
            + "Revoking a revoked token changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
