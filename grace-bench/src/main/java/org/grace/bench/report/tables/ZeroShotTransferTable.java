package org.grace.bench.report.tables;

import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.record.Evaluations;
import org.grace.bench.report.Measure;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.ArrayList;
import java.util.List;

/** Zero-shot transfer: accuracy on each of the 8 transfer tasks and their mean, per method (percent). */
public final class ZeroShotTransferTable {

    private ZeroShotTransferTable() {
    }

    /** One measure per transfer task, in report order. */
    public static List<Measure> taskMeasures() {
        return Evaluations.TRANSFER_TASKS.stream()
                .map(t -> Measure.metric(t.replace('-', '_'), t, true, Evaluations.TRANSFER, t)).toList();
    }

    public static Table build(RunIndex runs, PaperNumbers paper) {
        List<Measure> tasks = taskMeasures();
        List<Column> columns = new ArrayList<>(List.of(Column.plain("method", "method"), Column.plain("n_seeds", "seeds")));
        tasks.forEach(t -> columns.add(Column.estimate(t.key(), t.label())));
        columns.add(Column.estimate("mean", "mean"));
        columns.add(Column.plain("mean_paper", "mean (paper)"));
        List<List<Cell>> rows = new ArrayList<>();
        for (String m : runs.methods()) {
            if (runs.runs(m).values().stream().noneMatch(r -> r.record(Evaluations.TRANSFER).isPresent())) {
                continue;
            }
            List<Cell> row = new ArrayList<>(List.of(Cell.text(m), Cell.number(runs.runs(m).size(), 0)));
            tasks.forEach(t -> row.add(Cell.estimate(runs.estimate(m, t), 2)));
            row.add(Cell.estimate(runs.estimate(m, Quantity.ZERO_SHOT), 2));
            row.add(paper.find("text", m, "zero_shot").<Cell>map(n -> Cell.text(n.printed())).orElseGet(Cell::missing));
            rows.add(row);
        }
        return new Table("zero-shot-transfer", "Zero-shot transfer (8 tasks)", columns, rows, List.of(
                "Accuracy in percent, mean ± 95% CI over seeds. The paper's 8 datasets are not named in the summary; ours are"
                        + " the embedded benchmark's 8 transfer tasks, so only the paper's quoted means (TeCoA, WiSE-FT) are shown."));
    }
}
