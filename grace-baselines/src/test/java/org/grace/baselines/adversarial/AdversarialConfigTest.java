package org.grace.baselines.adversarial;

import org.grace.model.method.MethodSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults parse; invalid settings fail with a message naming the key, before any training. */
class AdversarialConfigTest {

    private static void assertRejected(Function<MethodSettings, ?> create, MethodSettings settings, String key,
                                       Object value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create.apply(settings.with(Map.of(key, value))));
        assertTrue(e.getMessage().contains(key), "message names " + key + ": " + e.getMessage());
    }

    @Test
    void shippedDefaultsParseWithTheDocumentedValues() {
        assertEquals(Tecoa.NAME, Tecoa.create(Tecoa.defaults()).name());
        assertEquals(new AttackSettings(4.0 / 255, 1.0 / 255, 10, 0), Tecoa.create(Tecoa.defaults()).config().attack());
        assertEquals(0.9, Fare.create(Fare.defaults()).config().attack().momentum());
        PmgAftConfig pmg = PmgAft.create(PmgAft.defaults()).config();
        assertEquals(1.0, pmg.alpha());
        assertEquals(1.0, pmg.beta());
        LoraTecoaConfig lora = LoraTecoa.create(LoraTecoa.defaults()).config();
        assertEquals(8, lora.rank());
        assertEquals(16f, lora.alpha());
        assertEquals(2, lora.targets().size());
        VptPmgAftConfig vpt = VptPmgAft.create(VptPmgAft.defaults()).config();
        assertEquals(5, vpt.prompts().tokens());
        assertTrue(vpt.prompts().deep());
        assertEquals("vpt-pmg-aft", VptPmgAft.create(VptPmgAft.defaults()).name());
        assertEquals("lora-tecoa", LoraTecoa.NAME);
        assertEquals("pmg-aft", PmgAft.NAME);
        assertEquals("fare", Fare.NAME);
    }

    @Test
    void epsOutsideTheUnitIntervalIsRejected() {
        assertRejected(Tecoa::create, Tecoa.defaults(), "eps", 1.5);
        assertRejected(Fare::create, Fare.defaults(), "eps", -0.01);
        assertRejected(PmgAft::create, PmgAft.defaults(), "eps", 2.0);
    }

    @Test
    void negativeOrZeroStepsAreRejected() {
        assertRejected(Tecoa::create, Tecoa.defaults(), "attack_steps", -1);
        assertRejected(LoraTecoa::create, LoraTecoa.defaults(), "attack_steps", 0);
        assertRejected(Fare::create, Fare.defaults(), "attack_step_size", 0.0);
        assertRejected(Fare::create, Fare.defaults(), "attack_momentum", 1.0);
    }

    @Test
    void negativeKlWeightsAreRejected() {
        assertRejected(PmgAft::create, PmgAft.defaults(), "alpha", -0.5);
        assertRejected(PmgAft::create, PmgAft.defaults(), "beta", -1.0);
        assertRejected(VptPmgAft::create, VptPmgAft.defaults(), "alpha", -0.1);
    }

    @Test
    void badOptimiserLoraAndPromptSettingsAreRejected() {
        assertRejected(Tecoa::create, Tecoa.defaults(), "lr", 0.0);
        assertRejected(Tecoa::create, Tecoa.defaults(), "warmup_fraction", 1.0);
        assertRejected(LoraTecoa::create, LoraTecoa.defaults(), "lora_rank", -4);
        assertRejected(LoraTecoa::create, LoraTecoa.defaults(), "lora_alpha", 0.0);
        assertRejected(VptPmgAft::create, VptPmgAft.defaults(), "prompt_tokens", 0);
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
                () -> LoraTecoa.create(LoraTecoa.defaults().with(Map.of("lora_targets", "q,qkv"))));
        assertTrue(target.getMessage().contains("qkv"), target.getMessage());
    }

    @Test
    void unknownKeysAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tecoa.create(Tecoa.defaults().with(Map.of("epsilon", 0.1))));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
    }
}
