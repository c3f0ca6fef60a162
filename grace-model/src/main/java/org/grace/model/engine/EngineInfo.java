package org.grace.model.engine;

import ai.djl.engine.Engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the suite computes with, for run records and reports: DJL and libtorch versions, the
 * engine's device, thread settings, the JVM and the hardware.
 *
 * @param djlVersion DJL API version
 * @param engineName engine name (PyTorch)
 * @param libtorchVersion native libtorch version
 * @param device default device of the engine (cpu() or gpu(0))
 * @param intraOpThreads intra-op threads requested
 * @param interOpThreads inter-op threads requested
 * @param offline whether DJL runs offline
 * @param jvm JVM vendor and version
 * @param cores available processors
 * @param maxHeapMiB maximum JVM heap
 */
public record EngineInfo(String djlVersion, String engineName, String libtorchVersion, String device,
                         String intraOpThreads, String interOpThreads, boolean offline, String jvm,
                         int cores, long maxHeapMiB) {

    /** Reads the facts from a started engine. */
    public static EngineInfo of(Engine engine) {
        return new EngineInfo(Engine.getDjlVersion(), engine.getEngineName(), engine.getVersion(),
                engine.defaultDevice().toString(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"),
                System.getProperty("ai.djl.pytorch.num_interop_threads", "default"),
                Boolean.parseBoolean(System.getProperty("ai.djl.offline", "false")),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The facts as ordered key–value pairs, for printing and run records. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("djl", djlVersion);
        m.put("engine", engineName);
        m.put("libtorch", libtorchVersion);
        m.put("device", device);
        m.put("intra_op_threads", intraOpThreads);
        m.put("inter_op_threads", interOpThreads);
        m.put("offline", Boolean.toString(offline));
        m.put("jvm", jvm);
        m.put("cores", Integer.toString(cores));
        m.put("max_heap_mib", Long.toString(maxHeapMiB));
        return m;
    }
}
