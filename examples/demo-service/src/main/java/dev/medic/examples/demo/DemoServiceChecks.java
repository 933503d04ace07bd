package dev.medic.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.medic.api.Check;
import dev.medic.api.Measurements;
import dev.medic.api.RepairWith;
import dev.medic.api.Setting;
import dev.medic.api.Stats;

/** The demo's checks: the service answers, and there is room to write its files. */
class DemoServiceChecks {

    @Check
    @RepairWith(StartDemoService.class)
    void answersOnItsPort(@Setting("port") int port) {
        int status;
        try {
            status = Http.health(port);
        } catch (IOException e) {
            fail("nothing answers on 127.0.0.1:" + port + " (" + e.getClass().getSimpleName() + ")");
            return;
        }
        assertThat(status).as("status of GET /health on 127.0.0.1:%d", port).isEqualTo(200);
    }

    /** Has no repair on purpose: Medic reports it as unresolved (NO_REPAIR) when it fails. */
    @Check
    void workingDirectoryHasRoom(@Setting("min-free-mb") long minFreeMb) throws IOException {
        long freeMb = Files.getFileStore(Path.of("").toAbsolutePath()).getUsableSpace() / (1024 * 1024);
        assertThat(freeMb).as("free MiB on the working directory's file system").isGreaterThanOrEqualTo(minFreeMb);
    }

    @Stats
    void responseTime(@Setting("port") int port, Measurements measurements) throws IOException {
        long start = System.nanoTime();
        int status = Http.health(port);
        measurements.record("demo.response_ms", (System.nanoTime() - start) / 1_000_000.0);
        measurements.record("demo.status_code", status);
    }
}
