package dev.medic.packages.system.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.medic.api.SettingException;
import dev.medic.api.Settings;

/**
 * Which processes a target means: by the command's name, a regular expression over its
 * arguments, or both. Medic's own process never counts, so that {@code command: java} does not
 * find the runner itself.
 */
public final class ProcessMatcher {

    private final Optional<String> command;
    private final Optional<Pattern> arguments;

    private ProcessMatcher(Optional<String> command, Optional<Pattern> arguments) {
        this.command = command;
        this.arguments = arguments;
    }

    /** The target's {@code command} and {@code arguments}; at least one must be set. */
    public static ProcessMatcher from(Settings target, String targetName) {
        Optional<String> command = target.find("command", String.class).filter(text -> !text.isBlank());
        Optional<Pattern> arguments = target.find("arguments", String.class).map(ProcessMatcher::compile);
        Thresholds.requireAny(targetName, command.isPresent() || arguments.isPresent(), "command", "arguments");
        return new ProcessMatcher(command, arguments);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new SettingException("setting 'arguments' is not a regular expression: " + e.getDescription()
                + " in '" + regex + "'");
        }
    }

    /** The running processes this matcher finds, Medic's own left out. */
    public List<ProcessHandle> find() {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(process -> process.pid() != self).filter(this::matches).toList();
    }

    /**
     * Whether a process matches. Its command is the executable's path as {@link ProcessHandle}
     * reports it; {@code command} matches that path or its last part. The arguments are joined with
     * spaces and searched for the regular expression.
     */
    public boolean matches(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        if (command.isPresent()) {
            String executable = info.command().orElse("");
            String name = executable.substring(executable.lastIndexOf('/') + 1);
            if (executable.isEmpty() || !executable.equals(command.get()) && !name.equals(command.get())) {
                return false;
            }
        }
        if (arguments.isPresent()) {
            String joined = String.join(" ", info.arguments().orElse(new String[0]));
            return arguments.get().matcher(joined).find();
        }
        return true;
    }

    /** What the matcher looks for, for messages: {@code command 'nginx' and arguments matching 'x'}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        command.ifPresent(name -> parts.add("command '" + name + "'"));
        arguments.ifPresent(pattern -> parts.add("arguments matching '" + pattern.pattern() + "'"));
        return String.join(" and ", parts);
    }
}
