package org.grace.bench.report;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedTest {

    @Test
    void onlySeedsMeasuredOnBothSidesArePaired() {
        TreeMap<Integer, Double> a = new TreeMap<>();
        a.put(0, 10.0);
        a.put(1, 12.0);
        a.put(2, 99.0);
        TreeMap<Integer, Double> b = new TreeMap<>();
        b.put(0, 9.0);
        b.put(1, 10.0);
        b.put(3, -5.0);
        MeanCi d = Paired.difference(a, b).orElseThrow();
        assertEquals(2, d.n());
        assertEquals(1.5, d.mean(), 1e-12);
    }

    @Test
    void ratiosAreComparedOnTheLogScale() {
        TreeMap<Integer, Double> a = new TreeMap<>();
        TreeMap<Integer, Double> b = new TreeMap<>();
        a.put(0, 10.0);
        b.put(0, 2.0);
        a.put(1, 20.0);
        b.put(1, 4.0);
        MeanCi r = Paired.logRatio(a, b).orElseThrow();
        assertEquals(Math.log(5), r.mean(), 1e-12);
        assertTrue(Paired.logRatio(a, new TreeMap<>()).isEmpty());
    }
}
