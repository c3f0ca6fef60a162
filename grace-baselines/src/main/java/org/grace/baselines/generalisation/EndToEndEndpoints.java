package org.grace.baselines.generalisation;

import ai.djl.ndarray.NDArray;
import org.grace.baselines.common.WeightSnapshot;
import org.grace.model.method.MethodContext;
import org.grace.model.train.ParameterGroup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arrays end-to-end finetuning changes (image tower + head), as live arrays of the context and
 * as their θ₀ anchors: the image tower's from the frozen reference model, the head's from a copy
 * of the zero-shot head taken before training. WiSE-FT interpolates and TPGM projects between
 * these two endpoints.
 */
final class EndToEndEndpoints {

    private final Map<String, NDArray> anchors;

    private EndToEndEndpoints(Map<String, NDArray> anchors) {
        this.anchors = anchors;
    }

    /** Snapshots the zero-shot head now (call before training) and keeps the reference's image tower. */
    static EndToEndEndpoints capture(MethodContext context) {
        Map<String, NDArray> anchors = new LinkedHashMap<>();
        context.reference().parameters().forEach((name, array) -> {
            if (ParameterGroup.IMAGE_TOWER.containsBase(name)) {
                anchors.put(name, array);
            }
        });
        anchors.putAll(WeightSnapshot.copy(Map.of(ParameterGroup.HEAD_NAME, context.head().weights()),
                context.manager()));
        return new EndToEndEndpoints(anchors);
    }

    /** θ₀ of every owned array, by name. */
    Map<String, NDArray> anchors() {
        return anchors;
    }

    /** The live (trained) arrays of {@code context}, by the same names. */
    static Map<String, NDArray> live(MethodContext context) {
        Map<String, NDArray> live = new LinkedHashMap<>();
        context.model().parameters().forEach((name, array) -> {
            if (ParameterGroup.IMAGE_TOWER.containsBase(name)) {
                live.put(name, array);
            }
        });
        live.put(ParameterGroup.HEAD_NAME, context.head().weights());
        return live;
    }
}
