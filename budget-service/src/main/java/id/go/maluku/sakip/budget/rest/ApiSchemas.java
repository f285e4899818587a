package id.go.maluku.sakip.budget.rest;

import id.go.maluku.sakip.platform.error.ApiProblem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Named shapes for the OpenAPI document only: the problem document every error is (ProblemMappers
 * writes it as a map). The resources never return these types.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json); errors name each field at fault")
    record Problem(@Schema(example = "about:blank") String type, @Schema(example = "Invalid request") String title,
                   @Schema(example = "400") int status,
                   @Schema(example = "rak: the cash plan totals 209500000.00, above the pagu 199500000.00") String detail,
                   List<ApiProblem.FieldError> errors) {
    }
}
