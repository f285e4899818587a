package id.go.maluku.sakip.reporting.lkip;

import java.util.ArrayList;
import java.util.List;

/**
 * Leaves front matter (level 0: kata pengantar, ringkasan eksekutif) unnumbered, and numbers chapters (BAB I, II ...), sections (1.1, 1.2 ...), subsections (1.1.1), tables
 * (Tabel 3.4: the chapter and its running count) and charts (Gambar 3.1), in document order.
 */
public final class Numbering {

    private Numbering() {
    }

    public static List<Block> apply(List<Block> blocks) {
        List<Block> numbered = new ArrayList<>(blocks.size());
        int chapter = 0;
        int section = 0;
        int subsection = 0;
        int table = 0;
        int chart = 0;
        int front = 0;
        for (Block block : blocks) {
            if (block instanceof Block.Heading h) {
                switch (h.level()) {
                    case 0 -> numbered.add(h.withNumber("", "front-" + (++front)));
                    case 1 -> {
                        chapter++;
                        section = 0;
                        subsection = 0;
                        table = 0;
                        chart = 0;
                        numbered.add(h.withNumber("BAB " + IdFormat.roman(chapter), "bab-" + chapter));
                    }
                    case 2 -> {
                        section++;
                        subsection = 0;
                        numbered.add(h.withNumber(chapter + "." + section, "s-" + chapter + "-" + section));
                    }
                    default -> {
                        subsection++;
                        String n = chapter + "." + section + "." + subsection;
                        numbered.add(h.withNumber(n, "s-" + n.replace('.', '-')));
                    }
                }
            } else if (block instanceof Block.Table t) {
                table++;
                numbered.add(t.withNumber(chapter + "." + table));
            } else if (block instanceof Block.Chart c) {
                chart++;
                numbered.add(c.withNumber(chapter + "." + chart));
            } else {
                numbered.add(block);
            }
        }
        return numbered;
    }
}
