package org.library.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * A client generated from the OpenAPI document names its methods by the operation ids, so every
 * operation of the API has one of its own, chosen by hand: without it the document repeats the
 * Java method names ({@code list}, {@code get}, …) and a generator refuses it or numbers them.
 * Checked here, without a server, so that a new resource method without one fails at once.
 */
class OperationIdsTest {

    private static final List<JavaMethod> OPERATIONS = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.library.web.api").stream()
            .filter(type -> type.isAnnotatedWith(Path.class))
            .map(JavaClass::getMethods).flatMap(java.util.Set::stream)
            .filter(OperationIdsTest::httpMethod)
            .toList();

    @Test
    void everyOperationOfTheApiHasAnOperationId() {
        List<String> without = new ArrayList<>();
        for (JavaMethod method : OPERATIONS) {
            if (!method.isAnnotatedWith(Operation.class) || method.getAnnotationOfType(Operation.class).operationId().isBlank()) {
                without.add(method.getFullName());
            }
        }
        assertThat(OPERATIONS).hasSizeGreaterThan(40);
        assertThat(without).as("resource methods without @Operation(operationId = …)").isEmpty();
    }

    @Test
    void noTwoOperationsShareAnOperationId() {
        Map<String, Long> counts = OPERATIONS.stream().filter(method -> method.isAnnotatedWith(Operation.class))
                .map(method -> method.getAnnotationOfType(Operation.class).operationId())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).as("operation ids used more than once").allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
    }

    private static boolean httpMethod(JavaMethod method) {
        return method.getAnnotations().stream()
                .anyMatch(annotation -> annotation.getRawType().isAnnotatedWith(jakarta.ws.rs.HttpMethod.class));
    }
}
