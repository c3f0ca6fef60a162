package org.grace.bench.report.figures;

import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * One look for every figure: white background, light grid, no plot border, legend outside on the
 * right, the Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito 2008) in a fixed order, and
 * sans-serif fonts sized for a 800×500 canvas printed at 300 DPI.
 */
public final class ChartStyle {

    /** Canvas width in points. */
    public static final int WIDTH = 800;
    /** Canvas height in points. */
    public static final int HEIGHT = 500;

    /**
     * Okabe–Ito colours (yellow moved last: it is faint on white), then darker and lighter variants,
     * so that the 17 methods and a reference line all get distinct colours.
     */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0), new Color(0, 0, 0),
            new Color(0, 70, 110), new Color(150, 100, 0), new Color(0, 100, 70), new Color(130, 70, 105),
            new Color(40, 140, 190), new Color(140, 60, 0), new Color(120, 120, 120), new Color(70, 70, 160),
            new Color(160, 40, 40), new Color(60, 160, 60), new Color(190, 170, 30), new Color(240, 228, 66),
            new Color(100, 30, 120)};

    /** The palette colour of the i-th series (cycling). */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    private ChartStyle() {
    }

    /** Applies the common style to an axes chart's styler. */
    public static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setPlotGridLinesStroke(new BasicStroke(0.8f));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setSeriesColors(PALETTE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setChartTitleBoxVisible(false);
        s.setAxisTickMarksColor(new Color(120, 120, 120));
        s.setErrorBarsColorSeriesColor(true);
        s.setMarkerSize(9);
        s.setAntiAlias(true);
        s.setLocale(java.util.Locale.ROOT);
    }
}
