package org.library.it.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;

/** A REST client for the deployed API over real HTTP, with the few requests many tests need. */
final class ApiClient {

    private final String api;

    ApiClient(URL deployment) {
        this.api = deployment.toString().replaceAll("/$", "") + "/api";
    }

    RequestSpecification request() {
        return given().baseUri(api).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    ValidatableResponse post(String path, Object body) {
        return request().body(body).when().post(path).then();
    }

    /** Creates a record and answers its id (asserting the 201). */
    long create(String path, Map<String, ?> body) {
        return ((Number) post(path, body).statusCode(201).extract().path("id")).longValue();
    }

    long author(String name) {
        return create("/authors", Map.of("name", name));
    }

    long book(long authorId, String isbn, int copies) {
        return create("/books", Map.of("isbn", isbn, "title", "Book " + isbn, "copies", copies, "authorId", authorId));
    }

    long member(String number, String name) {
        return create("/members", Map.of("memberNumber", number, "name", name, "email", org.library.it.TestData.email(name)));
    }
}
