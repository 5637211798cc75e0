package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.library.testing.LibraryDeploymentTest;

/**
 * The API's contract: the document MicroProfile OpenAPI serves is the one checked in (which the
 * Java client is generated from, and {@code /library/openapi} serves), and it tells a generated
 * client what it needs — problem documents with their field list, the headers a change needs.
 */
class OpenApiContractIT extends LibraryDeploymentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the served document is written when it differs from the contract, to review and copy over. */
    private static final Path SERVED = Path.of(System.getProperty("it.dir", "target/it"), "openapi-served.json");

    @Test
    void theDocumentTheServerServesIsTheCheckedInContract() throws IOException {
        ObjectNode served = (ObjectNode) JSON.readTree(serverDocument().asByteArray());
        // Payara 6 adds a field of its own outside the OpenAPI schema (named x-endpoints in later Payara releases)
        served.remove("endpoints");
        if (!served.equals(contract())) {
            Files.createDirectories(SERVED.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(SERVED.toFile(), served);
            fail("The API's OpenAPI document changed. Review " + SERVED.toAbsolutePath() + " and, if the change is meant, "
                    + "copy it over library-web/src/main" + OpenApiDocument.CONTRACT + " (the contract the client is generated from).");
        }
    }

    @Test
    void theDocumentIsServedUnderTheApplicationsOwnPathForAProxyThatForwardsOnlyIt() throws IOException {
        Response response = RestAssured.given().get(base + "openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(JSON.readTree(response.asByteArray())).isEqualTo(contract());
        // servers by path, so that the explorer's requests go back the way the document came, through the proxy
        assertThat(contract().at("/servers/0/url").asText()).isEqualTo("/library");
    }

    @Test
    void everyErrorAnswerIsAProblemDocumentWithItsFieldList() throws IOException {
        JsonNode document = contract();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> answer : operation.getValue().get("responses").properties()) {
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        String schema = answer.getValue().at("/content/application~1problem+json/schema/$ref").asText();
                        if (!schema.equals("#/components/schemas/Problem")) {
                            wrong.add(operation.getKey() + " " + path.getKey() + " " + answer.getKey());
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("error answers that are not problem documents").isEmpty();
        assertThat(document.at("/components/schemas/Problem/properties/errors/items/properties").has("field")).isTrue();
        assertThat(document.at("/components/schemas/Problem/properties/errors/items/properties").has("message")).isTrue();
    }

    @Test
    void everyJsonAnswerIsANamedSchemaSoThatAClientHasOneTypePerRecord() throws IOException {
        JsonNode document = contract();
        List<String> inline = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> answer : operation.getValue().get("responses").properties()) {
                    JsonNode schema = answer.getValue().at("/content/application~1json/schema");
                    JsonNode named = schema.path("type").asText().equals("array") ? schema.path("items") : schema;
                    if (!schema.isMissingNode() && !named.has("$ref")) {
                        inline.add(operation.getKey() + " " + path.getKey() + " " + answer.getKey());
                    }
                }
            }
        }
        assertThat(inline).as("JSON answers whose schema is written out instead of named").isEmpty();
    }

    @Test
    void aChangeThatNeedsIfMatchDeclaresItAndItsAnswerWithout() throws IOException {
        JsonNode replaceBook = contract().at("/paths/~1api~1books~1{id}/put");
        assertThat(replaceBook.get("parameters").findValuesAsText("name")).contains("If-Match");
        assertThat(replaceBook.at("/responses/428").isMissingNode()).isFalse();
        assertThat(replaceBook.at("/responses/412").isMissingNode()).isFalse();
    }

    @Test
    void everyOperationSaysWhoMayCallItAndWithWhichScope() throws IOException {
        JsonNode document = contract();
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!operation.getValue().path("security").isArray() || operation.getValue().path("security").isEmpty()) {
                    without.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(without).as("operations without their security requirements").isEmpty();
        // the catalogue is open to anyone; a write takes a login or a token with its scope; /me is a person's
        assertThat(document.at("/paths/~1api~1books/get/security").toString()).contains("{}");
        assertThat(document.at("/paths/~1api~1books/post/security").toString()).contains("bearer").doesNotContain("{}");
        assertThat(document.at("/paths/~1api~1books/post/x-scopes").toString()).isEqualTo("[\"catalogue:write\"]");
        assertThat(document.at("/paths/~1api~1me/get/security").toString()).contains("basic").doesNotContain("bearer");
        assertThat(document.at("/paths/~1api~1books/post/parameters").findValuesAsText("name")).contains("Idempotency-Key");
    }

    @Test
    void everyJsonBodyASystemSendsComesWithExamples() throws IOException {
        JsonNode document = contract();
        List<String> without = new ArrayList<>();
        for (JsonNode body : document.get("paths").findValues("requestBody")) {
            String ref = body.at("/content/application~1json/schema/$ref").asText();
            if (ref.isEmpty()) {
                continue; // CSV uploads: their examples are whole files, checked below
            }
            JsonNode schema = document.at(ref.substring(1));
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                boolean named = property.getValue().has("example") || property.getValue().has("$ref")
                        || property.getValue().path("items").has("enum");
                if (!named) {
                    without.add(ref + "." + property.getKey());
                }
            }
        }
        assertThat(without).as("request fields without an example").isEmpty();
        assertThat(document.at("/paths/~1api~1imports~1books/post/requestBody/content/text~1csv/example").asText())
                .startsWith("isbn,title");
    }

    private Response serverDocument() {
        String root = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        Response response = RestAssured.given().accept("application/json").get(root + "/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static JsonNode contract() throws IOException {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.CONTRACT)) {
            assertThat(in).as("the contract " + OpenApiDocument.CONTRACT).isNotNull();
            return JSON.readTree(in);
        }
    }
}
