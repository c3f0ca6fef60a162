package org.grace.bench.paper;

import java.util.Locale;

/**
 * One number printed in the paper (summary {@code seed/000_79b07beff01ada10.txt}), with the text it
 * was read from.
 *
 * <p>The printed text is kept beside the value because its precision matters: a number printed as
 * {@code 39.6} stands for any value in [39.55, 39.65], so checks against it allow half a unit in the
 * last printed digit ({@link #halfUnit()}).
 *
 * @param id       unique key, {@code <table>.<method>.<quantity>} by convention (e.g. {@code t6.grace.hm})
 * @param table    {@code table-6}, {@code table-7}, {@code table-8} or {@code text}
 * @param method   registry name of the method, or {@code *} when the number belongs to no single method
 * @param quantity what was measured ({@code id}, {@code ood_avg}, {@code adv_avg}, {@code hm}, {@code drift}, ...)
 * @param value    the number
 * @param printed  the number as printed (sets the precision)
 * @param unit     {@code pct} (percentage points), {@code ratio}, {@code r} (a correlation) or {@code raw}
 * @param quote    where it comes from, quoted from the paper summary
 */
public record PaperNumber(String id, String table, String method, String quantity, double value, String printed,
                          String unit, String quote) {

    /** Half a unit in the last printed digit: 0.05 for "39.6", 0.005 for "74.21", 50 for "3.3e3". */
    public double halfUnit() {
        String text = printed.toLowerCase(Locale.ROOT).replace("+", "").replace("-", "");
        int exponent = 0;
        int e = text.indexOf('e');
        if (e >= 0) {
            exponent = Integer.parseInt(text.substring(e + 1));
            text = text.substring(0, e);
        }
        int dot = text.indexOf('.');
        int decimals = dot < 0 ? 0 : text.length() - dot - 1;
        return 0.5 * Math.pow(10, exponent - decimals);
    }

    /** Every value the printed number may stand for: value ± {@link #halfUnit()}. */
    public Interval interval() {
        return new Interval(value - halfUnit(), value + halfUnit());
    }

    /** Digits after the decimal point as printed (0 for integers and for "3.3e3"). */
    public int decimals() {
        int dot = printed.indexOf('.');
        int e = printed.toLowerCase(Locale.ROOT).indexOf('e');
        if (dot < 0 || e >= 0) {
            return 0;
        }
        return printed.length() - dot - 1;
    }
}
