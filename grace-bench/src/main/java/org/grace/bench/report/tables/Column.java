package org.grace.bench.report.tables;

/**
 * A table column.
 *
 * @param key      CSV name; an estimate column becomes {@code key_mean} and {@code key_ci95}
 * @param header   Markdown header
 * @param estimate whether its cells are mean ± CI estimates (two CSV fields)
 */
public record Column(String key, String header, boolean estimate) {

    public Column {
        if (key == null || !key.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("column key must match [a-z0-9_]+, got '" + key + "'");
        }
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("column '" + key + "' needs a header");
        }
    }

    /** A column of plain cells. */
    public static Column plain(String key, String header) {
        return new Column(key, header, false);
    }

    /** A column of mean ± CI cells. */
    public static Column estimate(String key, String header) {
        return new Column(key, header, true);
    }
}
