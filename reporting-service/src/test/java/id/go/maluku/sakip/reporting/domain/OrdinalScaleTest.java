package id.go.maluku.sakip.reporting.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OrdinalScaleTest {

    static final OrdinalScale SAKIP = new OrdinalScale(List.of("D", "C", "CC", "B", "BB", "A", "AA"));
    static final OrdinalScale OPINION = new OrdinalScale(List.of("TMP", "TW", "WDP", "WTP"));

    @Test
    void a_level_and_its_rank_go_both_ways() {
        // B is the fourth of D, C, CC, B, BB, A, AA; WDP the third of TMP, TW, WDP, WTP
        assertEquals(new BigDecimal("4"), SAKIP.rank("B"));
        assertEquals("B", SAKIP.level(new BigDecimal("4")));
        assertEquals("B", SAKIP.level(new BigDecimal("4.0000"))); // as a numeric(20,4) column holds it
        assertEquals(new BigDecimal("3"), OPINION.rank("WDP"));
        assertEquals("WTP", OPINION.level(BigDecimal.valueOf(4)));
        assertEquals("C", new OrdinalScale(List.of("C", "B", "A")).level(BigDecimal.ONE));
    }

    @Test
    void what_is_not_on_the_scale_has_no_rank_and_no_level() {
        assertNull(SAKIP.rank("X"));
        assertNull(SAKIP.rank(null));
        assertNull(OPINION.level(BigDecimal.ZERO));
        assertNull(OPINION.level(new BigDecimal("5")));
        assertNull(OPINION.level(new BigDecimal("2.5")));
        assertNull(OPINION.level(null));
    }

    @Test
    void only_an_ordinal_indicator_with_levels_has_a_scale() {
        assertEquals(OPINION, OrdinalScale.of(Polarity.ORDINAL, List.of("TMP", "TW", "WDP", "WTP")));
        assertNull(OrdinalScale.of(Polarity.POSITIVE, List.of("A", "B")));
        assertNull(OrdinalScale.of(Polarity.ORDINAL, List.of()));
        assertNull(OrdinalScale.of(Polarity.ORDINAL, null));
    }
}
