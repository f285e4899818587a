package id.go.maluku.sakip.realization.rest;

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
    record Problem(@Schema(example = "about:blank") String type, @Schema(example = "Conflict") String title,
                   @Schema(example = "409") int status,
                   @Schema(example = "status: a draft realisasi cannot be verified") String detail,
                   List<ApiProblem.FieldError> errors) {
    }
}
