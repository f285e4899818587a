package id.go.maluku.sakip.planning.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersonnelTableTest {

    /** The seed's "rincian pegawai menurut tingkat pendidikan", exactly as printed. */
    static PersonnelTable education() {
        return new PersonnelTable("Pendidikan", List.of("PNS L", "PNS P", "Non PNS L", "Non PNS P"), List.of(
                new PersonnelTable.Row("SD", Arrays.asList(null, 1, null, null), 1),
                new PersonnelTable.Row("SMP Sederajat", Arrays.asList(2, 0, null, null), 3),
                new PersonnelTable.Row("SMA Sederajat", List.of(8, 15, 12, 1), 36),
                new PersonnelTable.Row("D3", Arrays.asList(1, 3, null, null), 4),
                new PersonnelTable.Row("S1", List.of(36, 31, 12, 11), 89),
                new PersonnelTable.Row("S2", Arrays.asList(7, 2, null, null), 9),
                new PersonnelTable.Row("S3", Arrays.asList(null, null, null, null), null)), 106);
    }

    @Test
    void totals_are_computed_from_the_parts() {
        PersonnelTable table = education();
        assertEquals(142, table.total());
        assertEquals(Map.of("PNS L", 54, "PNS P", 52, "Non PNS L", 24, "Non PNS P", 12), table.columnTotals());
    }

    @Test
    void stated_totals_that_disagree_are_listed() {
        assertEquals(List.of(
                        new PersonnelTable.Mismatch("Pendidikan / SMP Sederajat", 3, 2),
                        new PersonnelTable.Mismatch("Pendidikan / S1", 89, 90),
                        new PersonnelTable.Mismatch("Pendidikan / total", 106, 142)),
                education().mismatches());
    }

    @Test
    void malformed_rows_are_named() {
        assertEquals(List.of("p.rows[0].counts: expected 2 counts, one per column", "p.rows[1].counts[0]: a count is never negative"),
                PersonnelTable.problems("p", List.of("L", "P"), List.of(
                        new PersonnelTable.Row("SD", List.of(1), null),
                        new PersonnelTable.Row("SMP", List.of(-1, 2), null))));
    }
}
