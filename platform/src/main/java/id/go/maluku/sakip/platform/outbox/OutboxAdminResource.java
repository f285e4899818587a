package id.go.maluku.sakip.platform.outbox;

import id.go.maluku.sakip.platform.error.ApiProblem;
import id.go.maluku.sakip.platform.error.Text;
import id.go.maluku.sakip.platform.security.Caller;
import id.go.maluku.sakip.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The outbox rows the broker refused for good, for an operator: see them, send them again after
 * a fix (the same event id, so a consumer that already applied it changes nothing), or discard
 * one with a reason. Each action is a write, so the request audit records who did it.
 */
@Path("/api/v1/admin/outbox")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Events this service could not publish or apply, for an operator")
public class OutboxAdminResource {

    // failedAt is null in the answer to a retry (the row is back in the queue); lastError stays
    @Schema(name = "FailedOutboxEvent", requiredProperties = {"id", "eventId", "eventType", "aggregateType", "aggregateId", "createdAt", "failedAt",
            "attempts", "lastError", "payloadBytes"})
    public record FailedEvent(long id, UUID eventId, String eventType, String aggregateType, String aggregateId,
                              OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime failedAt, int attempts,
                              @Schema(nullable = true) String lastError,
                              int payloadBytes) {
        static FailedEvent of(OutboxEvent row) {
            return new FailedEvent(row.id, row.eventId, row.eventType, row.aggregateType, row.aggregateId, row.createdAt,
                    row.failedAt, row.attempts, row.lastError, OutboxWriter.utf8Length(row.payload));
        }
    }

    @Schema(name = "FailedOutboxEventPage", requiredProperties = {"items", "page", "size", "total"})
    public record FailedPage(List<FailedEvent> items, int page, int size, long total) {
    }

    @Schema(name = "OutboxStatus", requiredProperties = {"relayEnabled", "relayAlive", "pending", "failed", "oldestPendingAgeSeconds"})
    public record Status(boolean relayEnabled, boolean relayAlive, long pending, long failed, double oldestPendingAgeSeconds) {
    }

    // named apart from the parked events' Discard, which the document would otherwise call Discard1 (by scan order)
    @Schema(name = "OutboxDiscard")
    public record Discard(@NotNull @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "OutboxRetried", requiredProperties = {"count"})
    public record Retried(int count) {
    }

    // Examples shaped as budget's OutboxFailureTests sees them: a 1.5 MB row the broker refused
    // (RecordTooLarge), sent again, then discarded. OpenApiWalk.clientGaps checks each against its schema.
    private static final String FAILED_ROW = """
            {"id": 318, "eventId": "6e1c2f0a-8b7d-4d35-9a51-0c2b7e4f9a13", "eventType": "sakip.budget.line.upserted.v1",
             "aggregateType": "budget-line", "aggregateId": "forced", "createdAt": "2026-12-07T08:40:11.204Z",
             "failedAt": "2026-12-07T08:40:12.950Z", "attempts": 1,
             "lastError": "RecordTooLargeException: The message is 1500125 bytes when serialized which is larger than 1048576",
             "payloadBytes": 1500012}""";

    @Inject
    OutboxRelay relay;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getOutboxStatus", summary = "The outbox now: rows pending, failed, the age of the oldest pending")
    @APIResponse(responseCode = "200", description = "The outbox's counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Status.class),
                    examples = @ExampleObject(name = "one failed", value = "{\"relayEnabled\": true, \"relayAlive\": true, "
                            + "\"pending\": 0, \"failed\": 1, \"oldestPendingAgeSeconds\": 0.0}")))
    public Status status() {
        relay.refreshStats(true);
        OutboxRelay.OutboxStats stats = relay.stats();
        return new Status(relay.enabled(), relay.alive(), stats.pending(), stats.failed(),
                stats.oldestPendingAge().toMillis() / 1000.0);
    }

    @GET
    @Path("failed")
    @Operation(operationId = "listFailedOutboxEvents", summary = "Events the broker refused for good, oldest first",
            description = "Paged: page (from 0), size (1 to 500).")
    @APIResponse(responseCode = "200", description = "The failed events, paged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FailedPage.class),
                    examples = @ExampleObject(name = "one failed", value = "{\"items\": [" + FAILED_ROW
                            + "], \"page\": 0, \"size\": 50, \"total\": 1}")))
    public FailedPage failed(@QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || page > 1_000_000) {
            throw ApiProblem.invalid("page", "must be between 0 and 1000000");
        }
        if (size < 1 || size > 500) {
            throw ApiProblem.invalid("size", "must be between 1 and 500");
        }
        String failed = "failedAt is not null and discardedAt is null";
        long total = OutboxEvent.count(failed);
        List<FailedEvent> items = OutboxEvent.<OutboxEvent>find(failed + " order by id").page(page, size).list()
                .stream().map(FailedEvent::of).toList();
        return new FailedPage(items, page, size, total);
    }

    @POST
    @Path("failed/{id}/retry")
    @Transactional
    @Operation(operationId = "retryFailedOutboxEvent", summary = "Send a failed event again",
            description = "The row goes back into the relay's queue with its event id; 404 if it is not failed.")
    @APIResponse(responseCode = "200", description = "The row, back in the queue (failedAt null)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FailedEvent.class),
                    examples = @ExampleObject(name = "queued again", value = """
                            {"id": 318, "eventId": "6e1c2f0a-8b7d-4d35-9a51-0c2b7e4f9a13", "eventType": "sakip.budget.line.upserted.v1",
                             "aggregateType": "budget-line", "aggregateId": "forced", "createdAt": "2026-12-07T08:40:11.204Z",
                             "failedAt": null, "attempts": 1,
                             "lastError": "RecordTooLargeException: The message is 1500125 bytes when serialized which is larger than 1048576",
                             "payloadBytes": 1500012}""")))
    public FailedEvent retry(@PathParam("id") long id) {
        OutboxEvent row = failedRow(id);
        row.failedAt = null;
        relay.wake();
        return FailedEvent.of(row);
    }

    @POST
    @Path("failed/retry")
    @Transactional
    @Operation(operationId = "retryAllFailedOutboxEvents", summary = "Send every failed event again, in id order")
    @APIResponse(responseCode = "200", description = "How many rows went back into the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Retried.class),
                    examples = @ExampleObject(name = "one", value = "{\"count\": 1}")))
    public Retried retryAll() {
        int count = OutboxEvent.update("failedAt = null where failedAt is not null and discardedAt is null");
        relay.wake();
        return new Retried(count);
    }

    @POST
    @Path("failed/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "discardFailedOutboxEvent", summary = "Give a failed event up, with a reason",
            description = "The row stays, marked discarded with who and why; it is never sent.")
    @APIResponse(responseCode = "200", description = "The row, discarded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FailedEvent.class),
                    examples = @ExampleObject(name = "discarded", value = FAILED_ROW)))
    public FailedEvent discard(@PathParam("id") long id, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Discard.class), examples = @ExampleObject(name = "discard",
            value = "{\"reason\": \"the line was removed from the e-budgeting export; its event is obsolete\"}"))) @Valid @NotNull Discard discard) {
        OutboxEvent row = failedRow(id);
        row.discardedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.discardedBy = Text.clip(caller.subject(), 256);
        row.discardReason = discard.reason();
        return FailedEvent.of(row);
    }

    private static OutboxEvent failedRow(long id) {
        OutboxEvent row = OutboxEvent.findById(id);
        if (row == null || row.failedAt == null || row.discardedAt != null) {
            throw ApiProblem.notFound("failed outbox event", String.valueOf(id));
        }
        return row;
    }
}
