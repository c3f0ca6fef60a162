package org.grace.model.engine;

import ai.djl.engine.Engine;

/**
 * How the suite starts DJL's PyTorch engine: offline, with settable thread pools.
 *
 * <p>Must run before the first use of {@link Engine}: libtorch reads its thread counts once, when DJL
 * loads it. The properties are DJL's own, so they can equally be given on the command line:
 * <ul>
 *   <li>{@code -Dai.djl.offline=true}: never download a native library (the CPU one ships in the
 *       {@code pytorch-native-cpu} jar, so nothing needs downloading);</li>
 *   <li>{@code -Dai.djl.pytorch.num_threads=N}: intra-op threads (one matrix product);</li>
 *   <li>{@code -Dai.djl.pytorch.num_interop_threads=N}: inter-op threads (independent ops).</li>
 * </ul>
 * A value already set on the command line wins over the arguments here.
 *
 * @param intraOpThreads intra-op threads, at least 1
 * @param interOpThreads inter-op threads, at least 1
 */
public record EngineSettings(int intraOpThreads, int interOpThreads) {

    /** Validates the thread counts. */
    public EngineSettings {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1, got intra-op " + intraOpThreads
                    + ", inter-op " + interOpThreads);
        }
    }

    /** All cores for intra-op parallelism, one inter-op thread: the fastest setting for one model on a CPU. */
    public static EngineSettings defaults() {
        return new EngineSettings(Runtime.getRuntime().availableProcessors(), 1);
    }

    /** Sets the properties (unless given on the command line) and starts the engine. */
    public Engine apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", Integer.toString(interOpThreads));
        return Engine.getEngine("PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
