package dev.medic.influxdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.medic.influxdb.testing.InfluxConfigs;

/**
 * A second process for {@link SpoolAcrossProcessesTest}: opens a sink on a shared spool, appends
 * check points, says so on standard output, then closes normally or waits to be killed.
 *
 * <p>Arguments: config directory, spool directory, InfluxDB URL, database, check name prefix,
 * count, {@code close} or {@code hang}.
 */
public final class SinkProcess {

    private SinkProcess() {
    }

    public static void main(String[] args) throws Exception {
        InfluxConfigs.Read read = InfluxConfigs.read(Path.of(args[0]), """
            state-dir: state
            host: test-host
            environment: test
            influxdb:
              url: %s
              api: v1
              database: %s
              batch-size: 20
              flush-interval: 50ms
              timeout: 5s
              spool:
                directory: %s
            """.formatted(args[2], args[3], args[1]), Map.of());
        InfluxSink sink = InfluxSink.open(read.orFail(), read.medic());
        int count = Integer.parseInt(args[5]);
        for (int i = 0; i < count; i++) {
            sink.checkFinished(Events.healthy(args[4] + i, Events.T0.plusMillis(i)));
        }
        System.out.println("appended " + count);
        System.out.flush();
        if (args[6].equals("hang")) {
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
        sink.close();
        System.exit(0);
    }
}
