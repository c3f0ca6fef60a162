package org.grace.bench.paper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every number the paper prints, loaded from {@code paper-numbers.tsv} next to this class.
 *
 * <p>Format: UTF-8, tab-separated, header
 * {@code id table method quantity value unit source_quote}; one number per line; blank lines are
 * skipped. Validation names the file, the line and the column at fault: seven cells, an id made of
 * {@code [a-z0-9_.*-]} and unique, a known table and unit, a finite decimal value, a non-empty quote.
 */
public final class PaperNumbers {

    /** Resource name of the committed table. */
    public static final String RESOURCE = "paper-numbers.tsv";

    private static final List<String> HEADER = List.of("id", "table", "method", "quantity", "value", "unit", "source_quote");
    private static final Set<String> TABLES = Set.of("table-6", "table-7", "table-8", "text");
    private static final Set<String> UNITS = Set.of("pct", "ratio", "r", "raw");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.*+-]+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final Map<String, PaperNumber> byId;

    private PaperNumbers(Map<String, PaperNumber> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The committed numbers. */
    public static PaperNumbers load() {
        try (InputStream in = PaperNumbers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a table in the format above.
     *
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming {@code source}, the line and the column at fault
     */
    public static PaperNumbers parse(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null || !List.of(header.split("\t", -1)).equals(HEADER)) {
            throw new IllegalArgumentException(source + " line 1: header must be " + String.join("<TAB>", HEADER)
                    + ", got '" + header + "'");
        }
        Map<String, PaperNumber> out = new LinkedHashMap<>();
        String line;
        int number = 1;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String at = source + " line " + number;
            if (cells.length != HEADER.size()) {
                throw new IllegalArgumentException(at + ": expected " + HEADER.size() + " tab-separated cells, got "
                        + cells.length);
            }
            requireMatch(at, 1, cells[0], NAME);
            require(at, 2, cells[1], TABLES.contains(cells[1]), "one of " + TABLES);
            requireMatch(at, 3, cells[2], NAME);
            requireMatch(at, 4, cells[3], NAME);
            require(at, 5, cells[4], NUMBER.matcher(cells[4]).matches(), "a decimal number");
            require(at, 6, cells[5], UNITS.contains(cells[5]), "one of " + UNITS);
            require(at, 7, cells[6], !cells[6].isBlank(), "a non-empty source quote");
            PaperNumber n = new PaperNumber(cells[0], cells[1], cells[2], cells[3], Double.parseDouble(cells[4]), cells[4],
                    cells[5], cells[6]);
            if (out.put(n.id(), n) != null) {
                throw new IllegalArgumentException(at + ", column 1 (" + HEADER.get(0) + "): duplicate id '" + n.id() + "'");
            }
        }
        return new PaperNumbers(out);
    }

    /** The number with this id. @throws IllegalArgumentException naming the id when absent */
    public PaperNumber get(String id) {
        PaperNumber n = byId.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no paper number with id '" + id + "' in " + RESOURCE);
        }
        return n;
    }

    /** The number of {@code table} (e.g. "table-6"), method and quantity, if the paper prints one. */
    public Optional<PaperNumber> find(String table, String method, String quantity) {
        return byId.values().stream()
                .filter(n -> n.table().equals(table) && n.method().equals(method) && n.quantity().equals(quantity))
                .findFirst();
    }

    /** All numbers in file order. */
    public List<PaperNumber> all() {
        return new ArrayList<>(byId.values());
    }

    private static void requireMatch(String at, int column, String cell, Pattern pattern) {
        require(at, column, cell, pattern.matcher(cell).matches(), "a name matching " + pattern.pattern());
    }

    private static void require(String at, int column, String cell, boolean ok, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(at + ", column " + column + " (" + HEADER.get(column - 1) + "): expected "
                    + expected + ", got '" + cell + "'");
        }
    }
}
