package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.medic.api.Measurements;
import dev.medic.api.Target;

/**
 * ICMP reachability through the system's {@code ping} command: the host is reachable when at least
 * one of the echo requests gets a reply within the timeout.
 *
 * <p>Not the JDK's {@code InetAddress.isReachable}: without CAP_NET_RAW, which a JVM rarely has, it
 * silently falls back to a TCP connection to port 7 and counts a refused connection as reachable,
 * so it would not be ICMP at all. Debian's iputils ping sends ICMP as an ordinary user (a file
 * capability, or unprivileged ICMP sockets). The command line is {@code ping-command} followed by
 * {@code -c COUNT -w SECONDS HOST}, which iputils, BusyBox and GNU inetutils ping all read alike.
 */
public final class PingCheck {

    static final String COMMAND = "ping-command";

    /** A reply line: {@code 64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms}. */
    private static final Pattern REPLY_TIME = Pattern.compile("time[=<]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*ms");

    /** How long past its own deadline ping may take to exit before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private PingCheck() {
    }

    public static void run(Target target, Measurements measurements) throws InterruptedException {
        TargetOptions options = TargetOptions.read(target, "ping", List.of("count"));
        String host = options.host();
        int count = options.integer("count", 1);
        if (count < 1 || count > 100) {
            throw options.problem("count " + count + " is not between 1 and 100");
        }
        long seconds = Math.max(1, (options.timeout().toMillis() + 999) / 1000);
        List<String> command = new ArrayList<>(options.list(COMMAND));
        if (command.isEmpty()) {
            throw options.problem("'" + COMMAND + "' is empty; it names the ping program, such as [ping]");
        }
        command.addAll(List.of("-c", String.valueOf(count), "-w", String.valueOf(seconds), host));

        CommandRun run;
        try {
            run = CommandRun.execute(command, Duration.ofSeconds(seconds).plus(GRACE));
        } catch (CommandRun.NotRun e) {
            fail("ping target '%s': %s", options.name(), e.getMessage());
            return;
        }
        List<Double> times = replyTimes(run.output());
        Metrics metrics = Metrics.of(measurements, options.name());
        metrics.record(Metrics.PING_LOSS_PERCENT, Math.max(0, count - times.size()) * 100.0 / count);
        if (!times.isEmpty()) {
            metrics.record(Metrics.PING_RTT_MS, times.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        }
        assertThat(times.size())
            .as("echo replies from %s to %d request(s) within %ds (ping target '%s'; %s exited with %d: %s)", host, count,
                seconds, options.name(), command.get(0), run.exitCode(), run.tail(3))
            .isPositive();
    }

    /** The round-trip times of the replies; duplicates (DUP!) are not replies of their own. */
    static List<Double> replyTimes(String output) {
        List<Double> times = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher matcher = REPLY_TIME.matcher(line);
            if (matcher.find() && !line.contains("DUP!")) {
                times.add(Double.parseDouble(matcher.group(1)));
            }
        }
        return times;
    }
}
