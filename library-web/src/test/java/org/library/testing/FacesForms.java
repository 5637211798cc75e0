package org.library.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Faces pages' forms posted over plain HTTP, as a browser would post them: the view state and
 * PrimeFaces' CSP nonce are read from the page first. For tests that must see every header (the
 * cookies above all), which a browser hides.
 */
public final class FacesForms {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private FacesForms() {
    }

    /** The page's view state: {@code stateless}, or the id of the state kept in the session. */
    public static String viewState(String page) {
        return find(VIEW_STATE, page, "a view state");
    }

    /** The nonce PrimeFaces puts into the page's forms (and its Content-Security-Policy). */
    public static String nonce(String page) {
        return find(NONCE, page, "a CSP nonce");
    }

    /**
     * Posts the login form of {@code login.xhtml?next=…} as the browser would, with the given
     * cookies (none for a first visit) and any extra headers; redirects are not followed.
     */
    public static Response logIn(URL base, Map<String, String> cookies, String username, String password, String next,
                                 Map<String, String> headers) {
        String form = given().cookies(cookies).queryParam("next", next).get(base + "login.xhtml")
                .then().statusCode(200).extract().asString();
        RequestSpecification post = given().cookies(cookies).headers(headers).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("login", "login")
                .formParam("login:username", username)
                .formParam("login:password", password)
                .formParam("login:next", next)
                .formParam("login:submit", "")
                .formParam("jakarta.faces.ViewState", viewState(form))
                .formParam("primefaces.nonce", nonce(form));
        return post.post(base + "login.xhtml");
    }

    private static String find(Pattern pattern, String page, String what) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("The page has no " + what + ":\n" + page);
        }
        return matcher.group(1);
    }
}
