package id.go.maluku.sakip.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The walk finds each way a request body's text and its column can disagree, in a document shaped
 * as the services serve theirs (records by $ref, a list of rows, an enum, a date) against columns
 * as information_schema reports them; and nothing where they agree.
 */
class InputBoundsTest {

    static final JsonNode DOCUMENT = read("""
            {"paths": {
               "/api/v1/agencies/{agency}/notes": {"post": {"requestBody": {"content": {"application/json": {
                 "schema": {"$ref": "#/components/schemas/NoteBody"}}}}}},
               "/api/v1/agencies/{agency}/import": {"post": {"requestBody": {"content": {
                 "application/json": {"schema": {"$ref": "#/components/schemas/ImportBody"}},
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}}},
               "/api/v1/agencies/{agency}/notes/{id}": {"get": {"responses": {}}},
               "/q/admin": {"post": {"requestBody": {"content": {"application/json": {
                 "schema": {"type": "object", "properties": {"ignored": {"type": "string"}}}}}}}}},
             "components": {"schemas": {
               "NoteBody": {"type": "object", "properties": {
                 "statedIn": {"type": "string", "maxLength": 300},
                 "note": {"type": ["string", "null"], "maxLength": 4000},
                 "kind": {"$ref": "#/components/schemas/Kind"},
                 "deadline": {"type": "string", "format": "date"},
                 "value": {"oneOf": [{"type": "number"}, {"type": "string"}]},
                 "tags": {"type": "array", "items": {"type": "string"}}}},
               "Kind": {"type": "string", "enum": ["link", "text"]},
               "ImportBody": {"type": "object", "properties": {"rows": {"type": "array", "items": {"$ref": "#/components/schemas/RowBody"}}}},
               "RowBody": {"type": "object", "properties": {
                 "indicator": {"type": "string", "maxLength": 64},
                 "followUp": {"type": "string"}}}}}}
            """);

    static final Map<String, InputBounds.Column> COLUMNS = Map.of(
            "note.stated_in", new InputBounds.Column("character varying", 300),
            "note.note", new InputBounds.Column("character varying", 2000),
            "note.kind", new InputBounds.Column("character varying", 8),
            "note.deadline", new InputBounds.Column("date", null),
            "note_tag.tag", new InputBounds.Column("character varying", 32),
            "realisasi.follow_up", new InputBounds.Column("text", null),
            "realisasi.year", new InputBounds.Column("integer", null));

    @Test
    void every_text_of_every_json_body_is_found_with_its_bound() {
        assertEquals(List.of(
                new InputBounds.Input("NoteBody", "kind", 4),
                new InputBounds.Input("NoteBody", "note", 4000),
                new InputBounds.Input("NoteBody", "statedIn", 300),
                new InputBounds.Input("NoteBody", "tags[]", null),
                new InputBounds.Input("RowBody", "followUp", null),
                new InputBounds.Input("RowBody", "indicator", 64)), InputBounds.inputs(DOCUMENT));
    }

    @Test
    void a_bound_past_its_column_an_unbounded_text_and_an_unmapped_one_are_each_a_mismatch() {
        assertEquals(List.of(
                "NoteBody.note: maxLength 4000, but note.note holds 2000 characters",
                "NoteBody.tags[]: no maxLength",
                "NoteBody.tags[]: lands in no known column; name its table or column, or say why it is not stored",
                "RowBody.followUp: no maxLength",
                "RowBody.indicator: lands in realisasi.indicator, which the database does not have",
                "Gone: mapped to a table, but no request body has a text property of it",
                "NoteBody.title: mapped, but no request body has it",
                "OutboxDiscard.reason: mapped, but no request body has it",
                "ParkedEventDiscard.reason: mapped, but no request body has it"),
                InputBounds.walk().table("NoteBody", "note").table("RowBody", "realisasi").table("Gone", "gone")
                        .notStored("NoteBody.title", "a stale exception").mismatches(DOCUMENT, COLUMNS));
    }

    @Test
    void nothing_where_every_text_is_bounded_within_its_column() {
        JsonNode fixed = read(DOCUMENT.toString()
                .replace("\"maxLength\":4000", "\"maxLength\":2000")
                .replace("\"items\":{\"type\":\"string\"}", "\"items\":{\"type\":\"string\",\"maxLength\":32}")
                .replace("\"followUp\":{\"type\":\"string\"}", "\"followUp\":{\"type\":\"string\",\"maxLength\":20000}")
                );
        Map<String, InputBounds.Column> columns = new java.util.HashMap<>(COLUMNS);
        columns.put("parked_event.resolution", new InputBounds.Column("character varying", 2000));
        columns.put("outbox_event.discard_reason", new InputBounds.Column("character varying", 2000));
        JsonNode withPlatform = read(fixed.toString().replace("\"components\":{\"schemas\":{",
                "\"components\":{\"schemas\":{\"ParkedEventDiscard\":{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\",\"maxLength\":2000}}},"
                        + "\"OutboxDiscard\":{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\",\"maxLength\":2000}}},")
                .replace("\"properties\":{\"rows\"", "\"properties\":{\"a\":{\"$ref\":\"#/components/schemas/ParkedEventDiscard\"},"
                        + "\"b\":{\"$ref\":\"#/components/schemas/OutboxDiscard\"},\"rows\""));
        assertEquals(List.of(), InputBounds.walk().table("NoteBody", "note")
                .column("NoteBody.tags[]", "note_tag.tag")
                .table("RowBody", "realisasi")
                .notStored("RowBody.indicator", "looked up: the row keeps the indicator's id")
                .mismatches(withPlatform, columns));
    }

    /** A schema kept whole in a JSON column: each of its texts lands there, bounded by the rule alone. */
    @Test
    void a_schema_kept_in_a_json_column_needs_only_its_bounds() {
        Map<String, InputBounds.Column> columns = Map.of("plan_section.content", new InputBounds.Column("jsonb", null));
        assertEquals(List.of("RowBody.followUp: no maxLength"), InputBounds.walk().inColumn("plan_section.content", "RowBody")
                .mismatches(DOCUMENT, columns).stream().filter(m -> m.startsWith("RowBody")).toList());
    }

    @Test
    void a_text_stored_in_a_column_that_is_not_text_is_a_mismatch_and_not_stored_needs_a_reason() {
        assertEquals(List.of("NoteBody.statedIn: lands in realisasi.year, a integer column, not text"),
                InputBounds.walk().column("NoteBody.statedIn", "realisasi.year").mismatches(DOCUMENT, COLUMNS).stream()
                        .filter(m -> m.startsWith("NoteBody.statedIn")).toList());
        assertThrows(IllegalArgumentException.class, () -> InputBounds.walk().notStored("NoteBody.note", " "));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
