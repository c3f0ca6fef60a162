package org.grace.bench.run;

import ai.djl.engine.Engine;
import org.grace.model.engine.EngineInfo;
import org.grace.model.engine.SourceRevision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a number came from: source commit, JVM, DJL and libtorch versions, device, threads and
 * hardware. Computed once per process and copied into every {@link org.grace.bench.record.RunRecord}.
 */
public final class Provenance {

    private Provenance() {
    }

    /** The process-wide facts. */
    public static Map<String, String> of(Engine engine) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("commit", SourceRevision.commit());
        EngineInfo info = EngineInfo.of(engine);
        out.put("jvm", info.jvm());
        out.put("djl", info.djlVersion());
        out.put("libtorch", info.libtorchVersion());
        out.put("device", info.device());
        out.put("threads", info.intraOpThreads() + " intra-op, " + info.interOpThreads() + " inter-op");
        out.put("hardware", hardware(info.cores()));
        return out;
    }

    /** CPU model (from /proc/cpuinfo where there is one), cores, OS and architecture. */
    static String hardware(int cores) {
        String cpu = System.getProperty("os.arch");
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name")) {
                        cpu = line.substring(line.indexOf(':') + 1).trim();
                        break;
                    }
                }
            } catch (IOException e) {
                // keep the architecture: the CPU model is a courtesy, not a requirement
            }
        }
        return cpu + ", " + cores + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
