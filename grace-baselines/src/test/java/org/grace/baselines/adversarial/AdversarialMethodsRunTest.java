package org.grace.baselines.adversarial;

import org.grace.model.adapters.AdaptedLinear;
import org.grace.model.adapters.AdapterTarget;
import org.grace.model.adapters.Tower;
import org.grace.model.method.FinetuningMethod;
import org.grace.model.method.MethodFixture;
import org.grace.model.method.MethodRunner;
import org.grace.model.method.MethodSettings;
import org.grace.model.train.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each adversarial baseline runs 3 steps on the tiny model and changes exactly what it owns. */
class AdversarialMethodsRunTest {

    @TempDir
    Path folder;

    /** Two attack steps instead of ten: which parameters change does not depend on the attack's strength. */
    private static MethodSettings quick(MethodSettings defaults) {
        return defaults.with(Map.of("attack_steps", 2));
    }

    private static Set<String> imageTower(ParameterSnapshot s) {
        Set<String> names = new TreeSet<>();
        s.values().keySet().stream()
                .filter(n -> n.startsWith("vision_model.") || n.equals("visual_projection.weight"))
                .forEach(names::add);
        return names;
    }

    private static ParameterSnapshot[] run(FinetuningMethod method, Path folder) {
        try (MethodFixture fixture = MethodFixture.tiny(7, 3, 4)) {
            ParameterSnapshot before = ParameterSnapshot.of(fixture.context());
            MethodRunner.run(method, fixture.context(), folder, ProgressBar.Mode.QUIET);
            return new ParameterSnapshot[] {before, ParameterSnapshot.of(fixture.context())};
        }
    }

    @Test
    void tecoaChangesExactlyTheImageTower() {
        ParameterSnapshot[] s = run(Tecoa.create(quick(Tecoa.defaults())), folder);
        assertEquals(imageTower(s[0]), s[1].changedSince(s[0]));
    }

    @Test
    void fareChangesExactlyTheImageTower() {
        ParameterSnapshot[] s = run(Fare.create(quick(Fare.defaults())), folder);
        assertEquals(imageTower(s[0]), s[1].changedSince(s[0]));
    }

    @Test
    void pmgAftChangesExactlyTheImageTower() {
        ParameterSnapshot[] s = run(PmgAft.create(quick(PmgAft.defaults())), folder);
        assertEquals(imageTower(s[0]), s[1].changedSince(s[0]));
    }

    @Test
    void loraTecoaChangesOnlyLoraFactorsAndMergesThem() {
        try (MethodFixture fixture = MethodFixture.tiny(7, 3, 4)) {
            ParameterSnapshot before = ParameterSnapshot.of(fixture.context());
            MethodRunner.run(LoraTecoa.create(quick(LoraTecoa.defaults())), fixture.context(), folder,
                    ProgressBar.Mode.QUIET);
            for (AdaptedLinear layer : fixture.context().model().linears().values()) {
                assertEquals(layer.lora() != null, layer.merged(), layer.name() + ": finish merges every adapter");
            }
            AdaptedLinear q = fixture.context().model().linear(Tower.VISION, 0, AdapterTarget.Q);
            assertFalse(Arrays.equals(before.values().get(q.name() + ".weight"), q.weight().toFloatArray()),
                    "the merged q weight carries the trained update");
            fixture.context().model().unmerge();
            Set<String> changed = ParameterSnapshot.of(fixture.context()).changedSince(before);
            assertFalse(changed.isEmpty());
            for (String name : changed) {
                assertTrue(name.contains("vision_model.") && name.contains(".lora_B.weight")
                        || name.contains(".lora_A.weight") && name.startsWith("vision_model."),
                        "only vision LoRA factors may change, but " + name + " did");
            }
            assertTrue(changed.stream().anyMatch(n -> n.endsWith("v_proj.lora_B.weight")), changed.toString());
            assertTrue(changed.stream().anyMatch(n -> n.endsWith("q_proj.lora_B.weight")), changed.toString());
        }
    }

    @Test
    void vptPmgAftChangesOnlyThePrompts() {
        ParameterSnapshot[] s = run(VptPmgAft.create(quick(VptPmgAft.defaults())), folder);
        Set<String> changed = s[1].changedSince(s[0]);
        Set<String> prompts = new TreeSet<>();
        s[1].values().keySet().stream().filter(n -> n.startsWith("vision_model.prompts.")).forEach(prompts::add);
        assertEquals(2, prompts.size(), "deep prompts: one set per block of the 2-block tiny tower");
        assertEquals(prompts, changed);
    }

    @Test
    void sameSeedGivesBitIdenticalWeights(@TempDir Path other) {
        ParameterSnapshot[] first = run(Fare.create(quick(Fare.defaults())), folder);
        ParameterSnapshot[] second = run(Fare.create(quick(Fare.defaults())), other);
        assertEquals(Set.of(), second[1].changedSince(first[1]));
    }
}
