package org.grace.bench.report.figures;

import org.grace.bench.report.RunIndex;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every figure of the report, in README order; a figure whose data were not recorded is left out. */
public final class Figures {

    private Figures() {
    }

    public static List<Figure> build(RunIndex runs) {
        return Stream.of(CostVsHarmonicMeanFigure.build(runs), DriftVsZeroShotFigure.build(runs),
                        HessianSpectrumFigure.build(runs), LayerCurvatureFigure.build(runs), TrilemmaFigure.build(runs),
                        TrainingCurveFigure.build(runs), RobustVsEpsFigure.build(runs))
                .flatMap(Optional::stream).toList();
    }
}
