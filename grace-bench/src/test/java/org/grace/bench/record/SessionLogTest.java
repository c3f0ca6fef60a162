package org.grace.bench.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLogTest {

    @Test
    void theWallTimeOfAResumedOrShardedRunIsTheSumOfItsSessions(@TempDir Path dir) {
        assertEquals(0.0, SessionLog.totalSeconds(dir));
        SessionLog.append(dir, "runs", "2026-12-04T00:00:00Z", 600.0, 10, 51);
        SessionLog.append(dir, "runs", "2026-12-04T01:00:00Z", 363.4, 41, 51);
        SessionLog.append(dir, "runs-shard-1-of-2", "2026-12-04T02:00:00Z", 100.0, 3, 3);
        assertEquals(1063.4, SessionLog.totalSeconds(dir), 1e-9);
    }

    @Test
    void aTornLineIsIgnoredAndAGarbledNumberNamed(@TempDir Path dir) throws Exception {
        SessionLog.append(dir, "runs", "2026-12-04T00:00:00Z", 10.0, 1, 1);
        Path file = dir.resolve("runs.sessions.csv");
        Files.writeString(file, "2026-12-04T01:00:00Z,5", StandardOpenOption.APPEND);
        assertEquals(10.0, SessionLog.totalSeconds(dir), 1e-9);
        Files.writeString(file, "\nx,abc,1,1\n", StandardOpenOption.APPEND);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionLog.totalSeconds(dir));
        assertTrue(e.getMessage().contains("runs.sessions.csv line"), e.getMessage());
    }
}
