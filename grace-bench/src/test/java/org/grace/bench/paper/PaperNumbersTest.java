package org.grace.bench.paper;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperNumbersTest {

    private static final String HEADER = "id\ttable\tmethod\tquantity\tvalue\tunit\tsource_quote\n";

    @Test
    void committedTableHoldsEveryCellOfTables6To8() {
        PaperNumbers paper = PaperNumbers.load();
        assertEquals(24, paper.all().stream().filter(n -> n.table().equals("table-6")).count());
        assertEquals(20, paper.all().stream().filter(n -> n.table().equals("table-7")).count());
        assertEquals(20, paper.all().stream().filter(n -> n.table().equals("table-8")).count());
        assertEquals(37.5, paper.find("table-7", "lora-tecoa", "hm").orElseThrow().value());
        assertEquals(39.69, paper.get("t6.grace.hm").value());
        assertEquals(8.82, paper.get("t6.zeroshot.adv_avg").value());
    }

    @Test
    void committedTableHoldsTheQuotedTextNumbers() {
        PaperNumbers paper = PaperNumbers.load();
        for (String id : List.of("text.tecoa.drift", "text.wise-ft.drift", "text.grace.drift", "text.tecoa.zero_shot",
                "text.wise-ft.zero_shot", "text.all.r_drift_zero_shot", "text.wise-ft.lambda_max", "text.grace.lambda_max",
                "text.grace.adv_gain_vs_ft", "text.grace.cost_ratio_vs_ft", "text.tecoa.cost_ratio_vs_ft",
                "text.grace.speedup_vs_at", "text.grace-gv-only.ood_gain_vs_lora_ft",
                "text.grace-awp-nocurr.adv_gain_vs_lora_ft")) {
            assertTrue(!paper.get(id).quote().isBlank(), id);
        }
        assertEquals(-0.82, paper.get("text.all.r_drift_zero_shot").value());
        assertEquals(3300.0, paper.get("text.wise-ft.lambda_max").value());
    }

    @Test
    void halfUnitFollowsThePrintedPrecision() {
        assertEquals(0.05, number("39.6").halfUnit(), 1e-12);
        assertEquals(0.005, number("74.21").halfUnit(), 1e-12);
        assertEquals(0.5, number("5").halfUnit(), 1e-12);
        assertEquals(50.0, number("3.3e3").halfUnit(), 1e-9);
        assertEquals(0.005, number("-0.82").halfUnit(), 1e-12);
    }

    @Test
    void malformedValueIsRejectedNamingFileLineAndColumn() {
        String text = HEADER + "a.b\ttable-6\tft\tid\t74.86\tpct\tq\n" + "a.c\ttable-6\tft\thm\t21,01\tpct\tq\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text));
        assertTrue(e.getMessage().contains("bad.tsv line 3, column 5 (value)"), e.getMessage());
        assertTrue(e.getMessage().contains("21,01"), e.getMessage());
    }

    @Test
    void wrongCellCountDuplicateIdUnknownTableAndBadHeaderAreRejected() {
        assertMessage(HEADER + "a.b\ttable-6\tft\tid\t74.86\tpct\n", "bad.tsv line 2: expected 7 tab-separated cells, got 6");
        assertMessage(HEADER + "a.b\ttable-6\tft\tid\t1\tpct\tq\na.b\ttable-6\tft\thm\t2\tpct\tq\n",
                "bad.tsv line 3, column 1 (id): duplicate id 'a.b'");
        assertMessage(HEADER + "a.b\ttable-9\tft\tid\t1\tpct\tq\n", "bad.tsv line 2, column 2 (table)");
        assertMessage(HEADER + "a.b\ttable-6\tft\tid\t1\tpercent\tq\n", "bad.tsv line 2, column 6 (unit)");
        assertMessage(HEADER + "a.b\ttable-6\tft\tid\t1\tpct\t \n", "bad.tsv line 2, column 7 (source_quote)");
        assertMessage("id\tvalue\n", "bad.tsv line 1: header must be");
    }

    @Test
    void unknownIdNamesTheId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PaperNumbers.load().get("t9.x.y"));
        assertTrue(e.getMessage().contains("t9.x.y"));
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static PaperNumbers parse(String text) throws IOException {
        return PaperNumbers.parse(new StringReader(text), "bad.tsv");
    }

    private static PaperNumber number(String printed) {
        return new PaperNumber("x", "text", "*", "q", Double.parseDouble(printed), printed, "raw", "q");
    }
}
