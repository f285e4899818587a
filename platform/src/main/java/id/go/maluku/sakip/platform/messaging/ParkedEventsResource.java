package id.go.maluku.sakip.platform.messaging;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.InputGuard;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The events this service's consumers parked (could not apply), for an operator: list them, retry
 * one or all after a fix (through the consumer's own path, with the same event id: what was
 * applied meanwhile is not applied twice), or discard one with a reason. Each action is a write,
 * recorded in the request audit with its subject; the row keeps who resolved it and how.
 */
@Path("/api/v1/admin/parked-events")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Events this service could not publish or apply, for an operator")
public class ParkedEventsResource {

    // Examples shaped as reporting's PoisonEventTests sees them: an overflowing realisasi parked as
    // "data" (SQLSTATE 22003), retried after the target was raised. OpenApiWalk.clientGaps checks
    // each against its schema, nulls included.
    private static final String PARKED_ROW = """
            {"id": 7, "consumer": "reporting-events", "eventId": "0b6f3a52-4c1e-4f0e-9d0a-5f7f2b3c9e11",
             "eventType": "sakip.realization.realisasi.recorded.v1", "key": "poison-fixed-r1",
             "topic": "sakip.realization.events", "partition": 0, "offset": 41, "reasonKind": "data",
             "reason": "SQLSTATE 22003: ERROR: numeric field overflow", "parkedAt": "2026-12-07T09:12:03.120Z",
             "attempts": 1, "status": "parked", "resolvedAt": null, "resolvedBy": null, "resolution": null}""";

    private static final String RETRIED_ROW = """
            {"id": 7, "consumer": "reporting-events", "eventId": "0b6f3a52-4c1e-4f0e-9d0a-5f7f2b3c9e11",
             "eventType": "sakip.realization.realisasi.recorded.v1", "key": "poison-fixed-r1",
             "topic": "sakip.realization.events", "partition": 0, "offset": 41, "reasonKind": "data",
             "reason": "SQLSTATE 22003: ERROR: numeric field overflow", "parkedAt": "2026-12-07T09:12:03.120Z",
             "attempts": 2, "status": "retried", "resolvedAt": "2026-12-07T09:20:41.005Z", "resolvedBy": "admin",
             "resolution": "applied on retry"}""";

    private static final String DISCARDED_ROW = """
            {"id": 9, "consumer": "reporting-events", "eventId": null, "eventType": null, "key": "poison-a-garbage",
             "topic": "sakip.realization.events", "partition": 0, "offset": 44, "reasonKind": "unprocessable",
             "reason": "the event could not be read", "parkedAt": "2026-12-07T09:12:04.310Z", "attempts": 1,
             "status": "discarded", "resolvedAt": "2026-12-07T09:25:10.441Z", "resolvedBy": "admin",
             "resolution": "a test event sent by hand to the topic; nothing to apply"}""";

    private static final Set<String> STATUSES = Set.of(ParkedEvents.PARKED, ParkedEvents.RETRIED, ParkedEvents.DISCARDED);

    // named apart from the outbox's Discard, which the document would otherwise call Discard1 (by scan order)
    @Schema(name = "ParkedEventDiscard")
    public record Discard(@NotNull @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ParkedEventsRetried", requiredProperties = {"retried", "stillParked", "failures"})
    public record RetryAll(int retried, int stillParked, List<ParkedEvents.Parked> failures) {
    }

    @Inject
    ParkedEvents parked;

    @Inject
    Instance<ParkedEventHandler> handlers;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listParkedEvents", summary = "Parked events, oldest first",
            description = "Filters: consumer, status (parked, retried, discarded; default parked). Paged: page (from 0), "
                    + "size (1 to 500). Each with its reason kind (unprocessable, data, integrity, schema, "
                    + "retries-exhausted), reason, event id, type, key, topic, partition, offset and time.")
    @APIResponse(responseCode = "200", description = "The parked events, paged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEvents.Page.class),
                    examples = @ExampleObject(name = "one parked", value = "{\"items\": [" + PARKED_ROW + "], \"page\": 0, \"size\": 50, \"total\": 1}")))
    public ParkedEvents.Page list(@QueryParam("consumer") @Size(max = InputGuard.MAX_CODE) String consumer,
                                  @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"parked", "retried", "discarded"}))
                                  @QueryParam("status") @DefaultValue("parked") String status,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) throws SQLException {
        if (!STATUSES.contains(status)) {
            throw ApiProblem.invalid("status", "must be one of parked, retried, discarded");
        }
        if (page < 0 || page > 1_000_000) {
            throw ApiProblem.invalid("page", "must be between 0 and 1000000");
        }
        if (size < 1 || size > 500) {
            throw ApiProblem.invalid("size", "must be between 1 and 500");
        }
        if (consumer != null && consumer.length() > 64) {
            throw ApiProblem.invalid("consumer", "at most 64 characters");
        }
        return parked.list(consumer, status, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getParkedEvent", summary = "One parked event")
    @APIResponse(responseCode = "200", description = "The parked event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEvents.Parked.class),
                    examples = @ExampleObject(name = "parked", value = PARKED_ROW)))
    public ParkedEvents.Parked get(@PathParam("id") long id) throws SQLException {
        return parked.find(id).orElseThrow(() -> ApiProblem.notFound("parked event", String.valueOf(id)));
    }

    @POST
    @Path("{id}/retry")
    @Operation(operationId = "retryParkedEvent", summary = "Apply a parked event again",
            description = "Through the consumer's own path, with the same event id. Applied: the row is marked retried. "
                    + "Still failing: 409 problem with the new reason; the row stays parked with one more attempt.")
    @APIResponse(responseCode = "200", description = "Applied: the row, marked retried",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEvents.Parked.class),
                    examples = @ExampleObject(name = "applied on retry", value = RETRIED_ROW)))
    @APIResponse(responseCode = "409", description = "Still failing (the new reason; the row stays parked), resolved "
            + "meanwhile, or no consumer of this service reads it")
    public ParkedEvents.Parked retry(@PathParam("id") long id) throws Exception {
        ParkedEvents.Parked row = parkedRow(id);
        Failures.Failure failure = reapply(row);
        if (failure != null) {
            throw ApiProblem.conflict("parked event " + id + " still cannot be applied: " + failure.reasonKind() + ": "
                    + failure.reason());
        }
        return parked.find(id).orElseThrow();
    }

    @POST
    @Path("retry")
    @Operation(operationId = "retryAllParkedEvents", summary = "Apply every parked event again, oldest first",
            description = "Optionally of one consumer. At most 1000 per call; what still fails stays parked and is listed.")
    @APIResponse(responseCode = "200", description = "How many were applied, and the rows still parked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetryAll.class),
                    examples = @ExampleObject(name = "one applied, one still parked", value = "{\"retried\": 1, \"stillParked\": 1, \"failures\": ["
                            + PARKED_ROW + "]}")))
    public RetryAll retryAll(@QueryParam("consumer") @Size(max = InputGuard.MAX_CODE) String consumer) throws Exception {
        ParkedEvents.Page open = parked.list(consumer, ParkedEvents.PARKED, 0, 1000);
        int retried = 0;
        List<ParkedEvents.Parked> failures = new ArrayList<>();
        for (ParkedEvents.Parked row : open.items()) {
            if (reapply(row) == null) {
                retried++;
            } else {
                failures.add(parked.find(row.id()).orElseThrow());
            }
        }
        return new RetryAll(retried, failures.size(), failures);
    }

    @POST
    @Path("{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "discardParkedEvent", summary = "Give a parked event up, with a reason",
            description = "The row stays, marked discarded with who and why; the event is never applied.")
    @APIResponse(responseCode = "200", description = "The row, marked discarded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEvents.Parked.class),
                    examples = @ExampleObject(name = "discarded", value = DISCARDED_ROW)))
    @APIResponse(responseCode = "409", description = "The row is retried or discarded already")
    public ParkedEvents.Parked discard(@PathParam("id") long id, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Discard.class), examples = @ExampleObject(name = "discard",
            value = "{\"reason\": \"a test event sent by hand to the topic; nothing to apply\"}"))) @Valid @NotNull Discard discard) throws SQLException {
        parkedRow(id);
        if (!parked.resolve(id, ParkedEvents.DISCARDED, caller.subject(), discard.reason())) {
            throw ApiProblem.conflict("parked event " + id + " was resolved meanwhile");
        }
        return parked.find(id).orElseThrow();
    }

    /** Null when applied (and the row marked retried), else why not (and the row updated). */
    private Failures.Failure reapply(ParkedEvents.Parked row) throws SQLException {
        ParkedEventHandler handler = handlers.stream().filter(h -> h.consumer().equals(row.consumer())).findFirst()
                .orElseThrow(() -> ApiProblem.conflict("no consumer '" + row.consumer() + "' in this service to retry with"));
        ConsumerRecord<String, String> record = parked.record(row.id());
        try {
            handler.reapply(record);
        } catch (Exception e) {
            Failures.Failure failure = Failures.classify(e);
            parked.failedAgain(row.id(), failure);
            return failure;
        }
        parked.resolve(row.id(), ParkedEvents.RETRIED, caller.subject(), "applied on retry");
        return null;
    }

    private ParkedEvents.Parked parkedRow(long id) throws SQLException {
        ParkedEvents.Parked row = parked.find(id).orElseThrow(() -> ApiProblem.notFound("parked event", String.valueOf(id)));
        if (!ParkedEvents.PARKED.equals(row.status())) {
            throw ApiProblem.conflict("parked event " + id + " is " + row.status() + " already");
        }
        return row;
    }
}
