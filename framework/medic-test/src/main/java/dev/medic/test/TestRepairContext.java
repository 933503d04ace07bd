package dev.medic.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import dev.medic.api.CheckId;
import dev.medic.api.RepairContext;
import dev.medic.api.Settings;
import dev.medic.api.internal.Durations;

/**
 * A {@link RepairContext} for calling a repair directly in a unit test:
 * {@code new CleanTmp().repair(TestRepairContext.forCheck("TmpChecks.tmpHasRoom").setting("directory", dir).build())}.
 * What the repair logs is kept and can be read back with {@link #logged()}.
 */
public final class TestRepairContext implements RepairContext {

    private final CheckId check;
    private final String failureMessage;
    private final Optional<Throwable> failure;
    private final Settings settings;
    private final Path stateDirectory;
    private final Instant deadline;
    private final Log log = new Log();

    private TestRepairContext(Builder builder) {
        this.check = new CheckId(builder.packageId, builder.check);
        this.failureMessage = builder.failureMessage;
        this.failure = Optional.ofNullable(builder.failure);
        this.settings = Settings.of(builder.settings);
        this.stateDirectory = builder.stateDirectory;
        this.deadline = Instant.now().plus(builder.timeout);
    }

    /** Starts a context for a repair of the named check. */
    public static Builder forCheck(String checkName) {
        return new Builder(checkName);
    }

    @Override
    public CheckId check() {
        return check;
    }

    @Override
    public String failureMessage() {
        return failureMessage;
    }

    @Override
    public Optional<Throwable> failure() {
        return failure;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Path stateDirectory() {
        return stateDirectory;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public System.Logger log() {
        return log;
    }

    /** The lines the repair logged. */
    public List<String> logged() {
        return log.lines();
    }

    /** Builds a {@link TestRepairContext}. */
    public static final class Builder {

        private final String check;
        private String packageId = "package-under-test";
        private String failureMessage = "";
        private Throwable failure;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private Path stateDirectory;
        private Duration timeout = Duration.ofMinutes(2);

        private Builder(String check) {
            this.check = check;
        }

        public Builder packageId(String value) {
            this.packageId = value;
            return this;
        }

        /** The check's failure, as the repair would receive it. */
        public Builder failure(Throwable value) {
            this.failure = value;
            this.failureMessage = value.getMessage() == null ? value.getClass().getName() : value.getMessage();
            return this;
        }

        public Builder failureMessage(String value) {
            this.failureMessage = value;
            return this;
        }

        /** A setting; durations and paths are kept as their text, as in a configuration file. */
        public Builder setting(String key, Object value) {
            settings.put(key, value instanceof Duration duration ? Durations.format(duration)
                : value instanceof Path path ? path.toString() : value);
            return this;
        }

        public Builder stateDirectory(Path value) {
            this.stateDirectory = value;
            return this;
        }

        /** Sets the deadline this far from now (2 minutes unless set). */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public TestRepairContext build() {
            if (stateDirectory == null) {
                try {
                    stateDirectory = Files.createTempDirectory("medic-repair-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new TestRepairContext(this);
        }
    }

    private static final class Log implements System.Logger {

        private final List<String> lines = new ArrayList<>();

        @Override
        public String getName() {
            return "medic.test.repair";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public synchronized void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(level.getName() + " " + message + (thrown == null ? "" : ": " + thrown));
        }

        @Override
        public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level.getName() + " " + (params == null || params.length == 0 ? format
                : java.text.MessageFormat.format(format, params)));
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
