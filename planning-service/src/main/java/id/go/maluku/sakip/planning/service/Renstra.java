package id.go.maluku.sakip.planning.service;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.maluku.sakip.planning.domain.Agency;
import id.go.maluku.sakip.planning.domain.PlanSection;
import id.go.maluku.sakip.platform.error.ApiProblem;

/** The Renstra period of an agency, where one is set: targets and agreements must fall in it. */
public final class Renstra {

    private Renstra() {
    }

    public static void checkYear(Agency agency, int year, String field) {
        PlanSection renstra = PlanSection.find(agency, PlanSection.RENSTRA).orElse(null);
        if (renstra == null) {
            return;
        }
        JsonNode start = renstra.content.get("startYear");
        JsonNode end = renstra.content.get("endYear");
        if (start != null && end != null && start.isInt() && end.isInt()
                && (year < start.asInt() || year > end.asInt())) {
            throw ApiProblem.invalid(field, year + " is outside the Renstra period " + start.asInt() + "-" + end.asInt());
        }
    }
}
