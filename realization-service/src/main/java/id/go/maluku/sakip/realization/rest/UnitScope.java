package id.go.maluku.sakip.realization.rest;

import id.go.maluku.sakip.realization.domain.IndicatorRef;
import id.go.maluku.sakip.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The unit half of an operator's scope (docs/security.md): a token bound to a unit (claim
 * {@code unit}) writes only realisasi of indicators its unit answers for, by the responsible
 * unit planning states for the indicator. An indicator without one belongs to the agency
 * itself, which a unit-bound token does not reach. Checked before anything is read or
 * written for the request, so a refusal changes nothing. An unknown indicator passes: the
 * operation answers 404 for it as before.
 */
@ApplicationScoped
public class UnitScope {

    @Inject
    Caller caller;

    /** For an indicator already read in the request's transaction. */
    public void requireWritable(IndicatorRef indicator) {
        caller.requireUnit("indicator " + indicator.code, indicator.responsibleUnit);
    }

    public void requireWritable(String agency, String indicator) {
        IndicatorRef.findByCode(agency, indicator).ifPresent(ref ->
                caller.requireUnit("indicator " + indicator, ref.responsibleUnit));
    }
}
