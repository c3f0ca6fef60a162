package org.grace.theory.bound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's failure-mode predictions, kept as data in {@code paper-failure-modes.tsv} next to
 * this class (columns: method, predicted term or NONE, basis stated|inferred, evidence).
 *
 * <p>Source: paper summary line 18 ("lacking (A) leads to deviation from the pre-trained manifold
 * and zero-shot degradation; lacking (B) leads to sharp minima and adversarial vulnerability;
 * lacking (C) leads to unstable features and OOD degradation") together with its Related Work
 * section, which assigns S1 methods to (B) and S2 methods to (A). Rows marked "inferred" (LoRA
 * variants, ablations) are our reading of Tables 7 and 8 through that rule, not the paper's words.
 */
public final class PaperPredictions {

    static final String RESOURCE = "paper-failure-modes.tsv";

    private PaperPredictions() {
    }

    /** All predictions by method name, in file order. */
    public static Map<String, PaperPrediction> load() {
        try (InputStream in = PaperPredictions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Map<String, PaperPrediction> parse(BufferedReader reader) throws IOException {
        Map<String, PaperPrediction> out = new LinkedHashMap<>();
        String header = reader.readLine();
        if (!"method\tpredicted\tbasis\tevidence".equals(header)) {
            throw new IllegalArgumentException(RESOURCE + ": unexpected header '" + header + "'");
        }
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": expected 4 tab-separated cells, got "
                        + cells.length);
            }
            Optional<BoundTerm> term;
            try {
                term = "NONE".equals(cells[1]) ? Optional.empty() : Optional.of(BoundTerm.valueOf(cells[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": unknown term '" + cells[1] + "'", e);
            }
            if (!cells[2].equals("stated") && !cells[2].equals("inferred")) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": basis must be stated or inferred, got '"
                        + cells[2] + "'");
            }
            if (out.put(cells[0], new PaperPrediction(cells[0], term, cells[2], cells[3])) != null) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": duplicate method '" + cells[0] + "'");
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
