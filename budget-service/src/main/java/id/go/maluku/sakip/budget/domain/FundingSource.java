package id.go.maluku.sakip.budget.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a line's money comes from. The names are what SIPD exports and the LKIP tables print. */
public enum FundingSource {
    APBD,
    APBN_DEKONSENTRASI,
    APBN_TUGAS_PEMBANTUAN,
    DAK_FISIK,
    DAK_NON_FISIK,
    DBH,
    HIBAH,
    BLUD,
    LAINNYA;

    /** Accepts "APBN Dekonsentrasi", "apbn-dekonsentrasi" and "APBN_DEKONSENTRASI" alike. */
    public static Optional<FundingSource> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(APBD);
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(values()).filter(v -> v.name().equals(key)).findFirst();
    }
}
