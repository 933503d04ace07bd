package dev.medic.engine.internal.healing;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A logger for a repair: every line goes to Medic's log and, up to a bound, into the repair's
 * record, so that the history shows what the repair did.
 */
final class CapturingLogger implements System.Logger {

    private static final int MAX_LINES = 200;

    private final System.Logger delegate;
    private final List<String> lines = new ArrayList<>();

    CapturingLogger(String name) {
        this.delegate = System.getLogger(name);
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF && (level.getSeverity() >= Level.INFO.getSeverity() || delegate.isLoggable(level));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        capture(level, message + (thrown == null ? "" : ": " + thrown));
        delegate.log(level, bundle, message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        capture(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        delegate.log(level, bundle, format, params);
    }

    private synchronized void capture(Level level, String line) {
        if (level.getSeverity() < Level.INFO.getSeverity()) {
            return;
        }
        if (lines.size() < MAX_LINES) {
            lines.add(level.getName() + " " + line);
        } else if (lines.size() == MAX_LINES) {
            lines.add("... more lines in Medic's log");
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
