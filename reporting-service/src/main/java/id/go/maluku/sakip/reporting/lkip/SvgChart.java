package id.go.maluku.sakip.reporting.lkip;

import java.math.BigDecimal;
import java.util.List;

/**
 * A grouped bar chart as inline SVG: one group per category, one bar per series, a dashed
 * reference line (100 % for capaian). Plain SVG 1.1 so that browsers and the PDF renderer
 * draw the same picture.
 */
final class SvgChart {

    private static final String[] COLOURS = {"#1f6fb2", "#e07b16", "#3a9a4a", "#a33c8f"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 50;
    private static final int BOTTOM = 60;
    private static final int TOP = 20;

    private SvgChart() {
    }

    static String render(Block.Chart chart) {
        double max = 0;
        for (Block.Series s : chart.series()) {
            for (BigDecimal v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        if (chart.reference() != null) {
            max = Math.max(max, chart.reference().doubleValue());
        }
        max = max <= 0 ? 1 : niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - 10;
        List<String> categories = chart.categories();
        int groups = Math.max(1, categories.size());
        double groupWidth = (double) plotWidth / groups;
        int seriesCount = Math.max(1, chart.series().size());
        double barWidth = Math.min(40, groupWidth * 0.8 / seriesCount);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(chart.caption())).append("\">");
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(java.util.Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>", LEFT, y, WIDTH - 10, y));
            svg.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", LEFT - 4, y + 3,
                    Html.escape(IdFormat.number(BigDecimal.valueOf(value).setScale(0, java.math.RoundingMode.HALF_UP)))));
        }
        for (int g = 0; g < categories.size(); g++) {
            double groupX = LEFT + g * groupWidth + (groupWidth - barWidth * seriesCount) / 2;
            for (int s = 0; s < chart.series().size(); s++) {
                List<BigDecimal> values = chart.series().get(s).values();
                BigDecimal v = g < values.size() ? values.get(g) : null;
                if (v == null) {
                    continue;
                }
                double h = plotHeight * Math.max(0, v.doubleValue()) / max;
                double x = groupX + s * barWidth;
                svg.append(String.format(java.util.Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                        x, TOP + plotHeight - h, barWidth - 2, h, COLOURS[s % COLOURS.length],
                        Html.escape(chart.series().get(s).name() + " " + categories.get(g) + ": " + IdFormat.number(v))));
                svg.append(String.format(java.util.Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%s</text>",
                        x + barWidth / 2 - 1, TOP + plotHeight - h - 3, Html.escape(IdFormat.number(v))));
            }
            svg.append(String.format(java.util.Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    LEFT + g * groupWidth + groupWidth / 2, HEIGHT - BOTTOM + 14, Html.escape(categories.get(g))));
        }
        if (chart.reference() != null) {
            double y = TOP + plotHeight - plotHeight * chart.reference().doubleValue() / max;
            svg.append(String.format(java.util.Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-dasharray=\"6,4\"/>",
                    LEFT, y, WIDTH - 10, y));
        }
        int legendY = HEIGHT - 18;
        for (int s = 0; s < chart.series().size(); s++) {
            int x = LEFT + s * 160;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(legendY - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(COLOURS[s % COLOURS.length]).append("\"/>");
            svg.append("<text x=\"").append(x + 14).append("\" y=\"").append(legendY).append("\" font-size=\"10\">")
                    .append(Html.escape(chart.series().get(s).name())).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotHeight).append("\" x2=\"").append(WIDTH - 10)
                .append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"#333333\"/>");
        svg.append("</svg>");
        return svg.toString();
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
