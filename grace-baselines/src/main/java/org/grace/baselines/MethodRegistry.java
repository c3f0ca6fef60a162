package org.grace.baselines;

import org.grace.baselines.adversarial.Fare;
import org.grace.baselines.adversarial.LoraTecoa;
import org.grace.baselines.adversarial.PmgAft;
import org.grace.baselines.adversarial.Tecoa;
import org.grace.baselines.adversarial.VptPmgAft;
import org.grace.baselines.generalisation.Flyp;
import org.grace.baselines.generalisation.FullFinetuning;
import org.grace.baselines.generalisation.LoraFt;
import org.grace.baselines.generalisation.LoraSpd;
import org.grace.baselines.generalisation.Spd;
import org.grace.baselines.generalisation.Tpgm;
import org.grace.baselines.generalisation.WiseFt;
import org.grace.baselines.generalisation.ZeroShot;
import org.grace.model.grace.GraceMethod;
import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodSettings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every method of the suite by its registered name (DESIGN.md §5), each with its default settings
 * kept as data (a JSON resource per method). {@link #create(String, Map)} validates the name and the
 * settings before anything trains, so an unknown method or an invalid configuration fails at once
 * with a message naming it.
 */
public final class MethodRegistry {

    private record Entry(Supplier<MethodSettings> defaults, Function<MethodSettings, FinetuningMethod> factory) {
    }

    private static final Map<String, Entry> METHODS = register();

    private MethodRegistry() {
    }

    private static Map<String, Entry> register() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put(ZeroShot.NAME, new Entry(ZeroShot::defaults, ZeroShot::create));
        m.put(FullFinetuning.NAME, new Entry(FullFinetuning::defaults, FullFinetuning::create));
        m.put(WiseFt.NAME, new Entry(WiseFt::defaults, WiseFt::create));
        m.put(Tpgm.NAME, new Entry(Tpgm::defaults, Tpgm::create));
        m.put(Spd.NAME, new Entry(Spd::defaults, Spd::create));
        m.put(Flyp.NAME, new Entry(Flyp::defaults, Flyp::create));
        m.put(LoraFt.NAME, new Entry(LoraFt::defaults, LoraFt::create));
        m.put(LoraSpd.NAME, new Entry(LoraSpd::defaults, LoraSpd::create));
        m.put(Tecoa.NAME, new Entry(Tecoa::defaults, Tecoa::create));
        m.put(Fare.NAME, new Entry(Fare::defaults, Fare::create));
        m.put(PmgAft.NAME, new Entry(PmgAft::defaults, PmgAft::create));
        m.put(LoraTecoa.NAME, new Entry(LoraTecoa::defaults, LoraTecoa::create));
        m.put(VptPmgAft.NAME, new Entry(VptPmgAft::defaults, VptPmgAft::create));
        for (String name : GraceMethod.NAMES) {
            m.put(name, new Entry(() -> GraceMethod.defaults(name), GraceMethod::create));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Registered names, in registration order. */
    public static List<String> names() {
        return List.copyOf(METHODS.keySet());
    }

    /** The method with its default settings. */
    public static FinetuningMethod create(String name) {
        return create(name, Map.of());
    }

    /**
     * The method with its defaults overridden by {@code overrides}.
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or invalid settings
     */
    public static FinetuningMethod create(String name, Map<String, ?> overrides) {
        Entry entry = METHODS.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown method '" + name + "'; registered methods: " + names());
        }
        return entry.factory().apply(entry.defaults().get().with(overrides));
    }

    /** The default settings of a method. */
    public static MethodSettings defaults(String name) {
        Entry entry = METHODS.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown method '" + name + "'; registered methods: " + names());
        }
        return entry.defaults().get();
    }
}
