package org.grace.model.weights;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.grace.model.clip.ClipConfig;
import org.grace.model.clip.TextConfig;
import org.grace.model.clip.VisionConfig;

import java.util.Set;
import java.util.TreeSet;

/**
 * The suite's own JSON form of a {@link ClipConfig}, written beside every checkpoint:
 * <pre>
 * {"format": "grace-clip", "version": 1, "name": "tiny", "embedDim": 64,
 *  "vision": {"imageSize": 32, "patchSize": 4, "width": 64, "layers": 4, "heads": 4},
 *  "text": {"width": 64, "layers": 2, "heads": 4, "contextLength": 16, "vocabSize": 512}}
 * </pre>
 * Reading is strict: a missing, unexpected or non-integer key is an error naming the source and the
 * key, so a typo never silently falls back to a default.
 */
public final class ClipConfigJson {

    /** Value of the {@code format} key. */
    public static final String FORMAT = "grace-clip";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private static final Set<String> TOP = Set.of("format", "version", "name", "embedDim", "vision", "text");
    private static final Set<String> VISION = Set.of("imageSize", "patchSize", "width", "layers", "heads");
    private static final Set<String> TEXT = Set.of("width", "layers", "heads", "contextLength", "vocabSize");

    private ClipConfigJson() {
    }

    /** The config as pretty-printed JSON. */
    public static String write(ClipConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", 1);
        o.addProperty("name", c.name());
        o.addProperty("embedDim", c.embedDim());
        JsonObject v = new JsonObject();
        v.addProperty("imageSize", c.vision().imageSize());
        v.addProperty("patchSize", c.vision().patchSize());
        v.addProperty("width", c.vision().width());
        v.addProperty("layers", c.vision().layers());
        v.addProperty("heads", c.vision().heads());
        o.add("vision", v);
        JsonObject t = new JsonObject();
        t.addProperty("width", c.text().width());
        t.addProperty("layers", c.text().layers());
        t.addProperty("heads", c.text().heads());
        t.addProperty("contextLength", c.text().contextLength());
        t.addProperty("vocabSize", c.text().vocabSize());
        o.add("text", t);
        return GSON.toJson(o) + "\n";
    }

    /**
     * Parses a config written by {@link #write(ClipConfig)}.
     *
     * @param source file name or description used in error messages
     * @throws IllegalArgumentException naming the source and the key at fault
     */
    public static ClipConfig read(String json, String source) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(source + ": config must be a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + ": config is not valid JSON: " + e.getMessage(), e);
        }
        checkKeys(o, TOP, "", source);
        String format = o.get("format").getAsString();
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(source + ": format must be '" + FORMAT + "', found '" + format + "'");
        }
        int version = integer(o, "version", "", source);
        if (version != 1) {
            throw new IllegalArgumentException(source + ": unsupported config version " + version + " (this suite reads 1)");
        }
        JsonObject v = object(o, "vision", source);
        JsonObject t = object(o, "text", source);
        checkKeys(v, VISION, "vision.", source);
        checkKeys(t, TEXT, "text.", source);
        try {
            return new ClipConfig(o.get("name").getAsString(), integer(o, "embedDim", "", source),
                    new VisionConfig(integer(v, "imageSize", "vision.", source), integer(v, "patchSize", "vision.", source),
                            integer(v, "width", "vision.", source), integer(v, "layers", "vision.", source),
                            integer(v, "heads", "vision.", source)),
                    new TextConfig(integer(t, "width", "text.", source), integer(t, "layers", "text.", source),
                            integer(t, "heads", "text.", source), integer(t, "contextLength", "text.", source),
                            integer(t, "vocabSize", "text.", source)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject object(JsonObject o, String key, String source) {
        JsonElement e = o.get(key);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(source + ": key '" + key + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    private static void checkKeys(JsonObject o, Set<String> expected, String prefix, String source) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(o.keySet());
        Set<String> unexpected = new TreeSet<>(o.keySet());
        unexpected.removeAll(expected);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": missing key " + prefix + missing.iterator().next()
                    + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more: " + missing + ")" : ""));
        }
        if (!unexpected.isEmpty()) {
            throw new IllegalArgumentException(source + ": unexpected key " + prefix + unexpected.iterator().next());
        }
    }

    private static int integer(JsonObject o, String key, String prefix, String source) {
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(source + ": key " + prefix + key + " must be an integer, found " + e);
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + ": key " + prefix + key + " must be an integer, found " + e);
        }
        return (int) d;
    }
}
