package org.grace.model.method;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A method's hyperparameters as data: a flat JSON object of numbers, booleans and strings, read
 * from the method's defaults resource ({@code /org/grace/<module>/methods/<name>.json}) and
 * optionally overridden. Typed getters fail with a message naming the method and the key; each
 * method turns its settings into its own validated config record and calls {@link #requireOnly}
 * so that a misspelt key is an error, not a silent default.
 */
public final class MethodSettings {

    private final String method;
    private final Map<String, JsonElement> values;

    private MethodSettings(String method, Map<String, JsonElement> values) {
        this.method = method;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parses a flat JSON object. */
    public static MethodSettings parse(String method, String json) {
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("settings of method " + method + " must be a JSON object");
            }
            Map<String, JsonElement> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                if (!entry.getValue().isJsonPrimitive()) {
                    throw new IllegalArgumentException("setting " + method + "." + entry.getKey()
                            + " must be a number, boolean or string, found " + entry.getValue());
                }
                m.put(entry.getKey(), entry.getValue());
            }
            return new MethodSettings(method, m);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("settings of method " + method + " are not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The defaults shipped as the resource {@code resource} next to {@code anchor}. */
    public static MethodSettings resource(String method, Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no default settings for method " + method + " (resource " + resource + ")");
            }
            return parse(method, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read settings resource " + resource, e);
        }
    }

    /** These settings with {@code overrides} replacing or adding keys. */
    public MethodSettings with(Map<String, ?> overrides) {
        Map<String, JsonElement> m = new LinkedHashMap<>(values);
        JsonObject o = new com.google.gson.Gson().toJsonTree(overrides).getAsJsonObject();
        o.entrySet().forEach(e -> m.put(e.getKey(), e.getValue()));
        return new MethodSettings(method, m);
    }

    /** Fails naming any key outside {@code allowed}. */
    public void requireOnly(Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("method " + method + " has no settings " + unknown + "; known: " + new TreeSet<>(allowed));
        }
    }

    public double number(String key) {
        JsonElement e = require(key);
        if (!e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("setting " + method + "." + key + " must be a number, found " + e);
        }
        return e.getAsDouble();
    }

    public int integer(String key) {
        double d = number(key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("setting " + method + "." + key + " must be an integer, found " + d);
        }
        return (int) d;
    }

    public boolean flag(String key) {
        JsonElement e = require(key);
        if (!e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("setting " + method + "." + key + " must be true or false, found " + e);
        }
        return e.getAsBoolean();
    }

    public String text(String key) {
        return require(key).getAsString();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String method() {
        return method;
    }

    /** The settings as a JSON object, for run records. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        values.forEach(o::add);
        return o;
    }

    private JsonElement require(String key) {
        JsonElement e = values.get(key);
        if (e == null) {
            throw new IllegalArgumentException("method " + method + " is missing setting '" + key + "'");
        }
        return e;
    }
}
