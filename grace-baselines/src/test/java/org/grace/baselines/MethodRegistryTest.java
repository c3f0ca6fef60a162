package org.grace.baselines;

import org.grace.model.method.FinetuningMethod;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodRegistryTest {

    @Test
    void everyRegisteredNameBuildsTheMethodOfThatNameFromItsDefaults() {
        for (String name : MethodRegistry.names()) {
            FinetuningMethod method = MethodRegistry.create(name);
            assertEquals(name, method.name());
            assertEquals(name, method.settings().method());
        }
    }

    @Test
    void unknownNamesAndInvalidSettingsFailBeforeTraining() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodRegistry.create("lora-fft"));
        assertTrue(e.getMessage().contains("lora-fft") && e.getMessage().contains("lora-ft"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MethodRegistry.create("wise-ft", Map.of("alpha", 1.5)));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MethodRegistry.create("lora-ft", Map.of("lora_rank", -2)));
        assertTrue(e.getMessage().contains("-2") || e.getMessage().contains("rank"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MethodRegistry.create("ft", Map.of("learning_rate_typo", 1)));
        assertTrue(e.getMessage().contains("learning_rate_typo"), e.getMessage());
    }
}
