package dev.medic.cli.internal;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sets up java.util.logging, which Medic, PF4J (through SLF4J) and JUnit all log to: one line per
 * record on standard error, warnings only unless asked for more.
 */
public final class Logging {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Logging() {
    }

    /**
     * @param verbosity 0 for warnings, 1 for information, 2 or more for debugging
     */
    public static void configure(int verbosity, PrintWriter err) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level level = verbosity <= 0 ? Level.WARNING : verbosity == 1 ? Level.INFO : Level.FINE;
        root.setLevel(level);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    err.print(getFormatter().format(record));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();
            }
        };
        handler.setLevel(level);
        handler.setFormatter(new OneLine());
        root.addHandler(handler);
        if (verbosity < 2) {
            // PF4J reports every plugin it loads at INFO; that is noise unless debugging.
            Logger.getLogger("org.pf4j").setLevel(Level.WARNING);
        }
    }

    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                .append(TIME.format(LocalDateTime.now())).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append(shortName(record.getLoggerName())).append(": ")
                .append(formatMessage(record));
            if (record.getThrown() != null) {
                line.append(": ").append(record.getThrown());
            }
            return line.append(System.lineSeparator()).toString();
        }

        private static String shortName(String name) {
            if (name == null) {
                return "medic";
            }
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
    }
}
