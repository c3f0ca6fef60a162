package org.grace.bench.report.tables;

import org.grace.bench.paper.PaperNumber;
import org.grace.bench.paper.PaperNumbers;
import org.grace.bench.report.Methods;
import org.grace.bench.report.Quantity;
import org.grace.bench.report.RunIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tables 6, 7 and 8: every accuracy component (ID, V2, Sketch, R, OOD avg, A, A-Plus, APGD-CE,
 * Adv avg, HM) as mean ± 95% CI over seeds, in percent, with the paper's ID, OOD avg, Adv avg and
 * HM beside ours. Rows are the table's methods that have records, in the paper's order.
 */
public final class ComparisonTable {

    /** The quantities the paper prints, and the key of each in {@code paper-numbers.tsv}. */
    private static final Map<Quantity, String> PRINTED = Map.of(Quantity.ID, "id", Quantity.OOD_AVG, "ood_avg",
            Quantity.ADV_AVG, "adv_avg", Quantity.HM, "hm");

    private ComparisonTable() {
    }

    /**
     * @param id         file stem ("table-6")
     * @param title      heading
     * @param paperTable the paper's table id in {@code paper-numbers.tsv} ("table-6")
     * @param methods    the rows, in order
     */
    public static Table build(String id, String title, String paperTable, List<String> methods, RunIndex runs,
                              PaperNumbers paper) {
        List<Column> columns = new ArrayList<>(List.of(Column.plain("method", "method"), Column.plain("paper_name", "paper row"),
                Column.plain("n_seeds", "seeds")));
        for (Quantity q : Quantity.COMPONENTS) {
            columns.add(Column.estimate(q.key(), q.label()));
            if (PRINTED.containsKey(q)) {
                columns.add(Column.plain(q.key() + "_paper", q.label() + " (paper)"));
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String m : runs.present(methods)) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(m), Cell.text(Methods.paperName(m)),
                    Cell.number(runs.runs(m).size(), 0)));
            for (Quantity q : Quantity.COMPONENTS) {
                row.add(Cell.estimate(runs.estimate(m, q), 2));
                if (PRINTED.containsKey(q)) {
                    Optional<PaperNumber> p = paper.find(paperTable, m, PRINTED.get(q));
                    row.add(p.<Cell>map(n -> Cell.text(n.printed())).orElseGet(Cell::missing));
                }
            }
            rows.add(row);
        }
        return new Table(id, title, columns, rows, List.of(
                "Accuracies in percent, mean ± 95% CI over seeds (Student t, n − 1 dof); \"(1 seed)\" marks a single seed"
                        + " (no interval); – means not run or not recorded.",
                "OOD avg = mean(V2, Sketch, R); Adv avg = mean(A, A-Plus, APGD-CE); HM = 3/(1/ID + 1/OOD avg + 1/Adv avg),"
                        + " computed per seed, then averaged. Paper columns are the printed numbers; a row without them is"
                        + " one the paper does not print."));
    }
}
