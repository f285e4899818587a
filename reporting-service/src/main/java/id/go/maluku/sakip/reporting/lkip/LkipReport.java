package id.go.maluku.sakip.reporting.lkip;

import java.util.List;

/**
 * An assembled LKIP: who and which year, whether it is a draft (a draft carries the review's
 * findings as an annex, a published one does not), and its numbered content.
 */
public record LkipReport(String agencyCode, String agencyName, int year, boolean draft, String title,
                         List<String> coverLines, List<Block> blocks) {

    public LkipReport {
        blocks = Numbering.apply(blocks);
    }

    public List<Block.Table> tables() {
        return blocks.stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b).toList();
    }

    public List<Block.Heading> headings() {
        return blocks.stream().filter(b -> b instanceof Block.Heading).map(b -> (Block.Heading) b).toList();
    }
}
