package id.go.maluku.sakip.realization.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON values as the domain rules take them: a number as BigDecimal, a string as String. */
final class Json {

    private Json() {
    }

    static Object scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.toString(); // an object or list: refused by the rule as "not a number"
    }
}
