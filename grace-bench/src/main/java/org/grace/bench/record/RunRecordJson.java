package org.grace.bench.record;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RunRecord} ⇄ one line of JSON. Non-finite numbers are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (JSON has no literal for them) and read
 * back as the doubles they name.
 */
public final class RunRecordJson {

    private RunRecordJson() {
    }

    /** The record as one line (no newline inside). */
    public static String write(RunRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("schema", r.schema());
        o.addProperty("method", r.method());
        o.addProperty("seed", r.seed());
        o.addProperty("scale", r.scale());
        o.addProperty("evaluation", r.evaluation());
        JsonObject metrics = new JsonObject();
        r.metrics().forEach((k, v) -> metrics.add(k, number(v)));
        o.add("metrics", metrics);
        JsonObject series = new JsonObject();
        r.series().forEach((k, v) -> {
            JsonArray a = new JsonArray();
            v.forEach(x -> a.add(number(x)));
            series.add(k, a);
        });
        o.add("series", series);
        o.add("notes", strings(r.notes()));
        o.add("provenance", strings(r.provenance()));
        return o.toString();
    }

    /**
     * Parses one line.
     *
     * @param where names the file and line for error messages
     * @throws IllegalArgumentException naming {@code where} and the field at fault
     */
    public static RunRecord read(String line, String where) {
        JsonObject o;
        try {
            o = JsonParser.parseString(line).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(where + ": not a JSON object: " + e.getMessage(), e);
        }
        try {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : object(o, "metrics", where).entrySet()) {
                metrics.put(e.getKey(), toDouble(e.getValue(), where + ": metric " + e.getKey()));
            }
            Map<String, List<Double>> series = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : object(o, "series", where).entrySet()) {
                List<Double> values = new ArrayList<>();
                for (JsonElement x : e.getValue().getAsJsonArray()) {
                    values.add(toDouble(x, where + ": series " + e.getKey()));
                }
                series.put(e.getKey(), values);
            }
            return new RunRecord(field(o, "schema", where).getAsInt(), field(o, "method", where).getAsString(),
                    field(o, "seed", where).getAsInt(), field(o, "scale", where).getAsString(),
                    field(o, "evaluation", where).getAsString(), metrics, series,
                    stringMap(object(o, "notes", where)), stringMap(object(o, "provenance", where)));
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new IllegalArgumentException(where + ": malformed run record: " + e.getMessage(), e);
        }
    }

    private static JsonElement number(double v) {
        if (Double.isFinite(v)) {
            return new com.google.gson.JsonPrimitive(v);
        }
        return new com.google.gson.JsonPrimitive(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }

    private static double toDouble(JsonElement e, String where) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw new IllegalArgumentException(where + " is the string '" + s + "', not a number");
            }
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(where + " is " + e + ", not a number");
        }
        return e.getAsDouble();
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject o = new JsonObject();
        map.forEach(o::addProperty);
        return o;
    }

    private static Map<String, String> stringMap(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        return out;
    }

    private static JsonElement field(JsonObject o, String name, String where) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(where + ": run record has no '" + name + "'");
        }
        return e;
    }

    private static JsonObject object(JsonObject o, String name, String where) {
        JsonElement e = field(o, name, where);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(where + ": '" + name + "' must be an object, got " + e);
        }
        return e.getAsJsonObject();
    }
}
