package org.grace.attacks.apgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointScheduleTest {

    @Test
    void checkpointsOfAHundredIterationsFallWhereThePaperSays() {
        CheckpointSchedule schedule = new CheckpointSchedule(100, 0.75, new float[] {0f});
        List<Integer> checkpoints = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            float[] loss = {i + 1};
            if (schedule.afterIteration(i, loss, loss) != null) {
                checkpoints.add(i + 1);
            }
        }
        assertArrayEquals(new int[] {22, 41, 57, 70, 80, 87, 93, 99},
                checkpoints.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void steadilyRisingLossNeverHalvesTheStep() {
        CheckpointSchedule schedule = new CheckpointSchedule(100, 0.75, new float[] {0f});
        for (int i = 0; i < 100; i++) {
            float[] loss = {i + 1};
            boolean[] halve = schedule.afterIteration(i, loss, loss);
            if (halve != null) {
                assertFalse(halve[0], "iteration " + (i + 1));
            }
        }
    }

    @Test
    void flatLossHalvesByOscillationCondition() {
        CheckpointSchedule schedule = new CheckpointSchedule(100, 0.75, new float[] {1f});
        float[] flat = {1f};
        for (int i = 0; i < 21; i++) {
            assertTrue(schedule.afterIteration(i, flat, flat) == null);
        }
        assertTrue(schedule.afterIteration(21, flat, flat)[0]);
    }

    @Test
    void noImprovementSinceAnUnreducedCheckpointHalves() {
        // Up to the first checkpoint the loss rises every step: no halving (C2 cannot fire yet).
        CheckpointSchedule schedule = new CheckpointSchedule(100, 0.75, new float[] {0f});
        float best = 0;
        for (int i = 0; i < 22; i++) {
            best = i + 1;
            boolean[] halve = schedule.afterIteration(i, new float[] {best}, new float[] {best});
            if (i == 21) {
                assertFalse(halve[0]);
            }
        }
        // Then it drops far below the best and rises slowly without reaching it: C1 is false
        // (18 of 19 steps rise) but the best loss did not improve since an unreduced check.
        boolean[] halve = null;
        for (int i = 22; i < 41; i++) {
            float loss = -100 + (i - 22);
            halve = schedule.afterIteration(i, new float[] {loss}, new float[] {best});
        }
        assertTrue(halve[0]);
    }
}
