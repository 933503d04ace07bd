package dev.medic.packages.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medic.api.RepairContext;
import dev.medic.api.RepairResult;
import dev.medic.api.SettingException;
import dev.medic.api.Settings;
import dev.medic.packages.system.internal.ByteSize;
import dev.medic.packages.system.internal.Durations;
import dev.medic.packages.system.internal.OldFileSweeper;
import dev.medic.packages.system.internal.OldFileSweeper.Sweep;
import dev.medic.packages.system.internal.SweepDirectory;

/**
 * {@code repair: {delete-old-files: {directories, patterns, older-than, recursive}}}: deletes
 * regular files whose names match a pattern and that are older than the given age, only inside
 * the configured directories. It fails when it deleted nothing, since nothing then changed.
 */
final class DeleteOldFilesRepair {

    private static final int LOGGED_FILES = 50;

    RepairResult repair(RepairContext context, Settings spec) {
        List<Path> directories = new ArrayList<>();
        List<String> patterns;
        Duration olderThan;
        try {
            for (String directory : spec.getList("directories")) {
                directories.add(SweepDirectory.checked(directory));
            }
            patterns = spec.getList("patterns");
            olderThan = spec.getDuration("older-than");
            check(!directories.isEmpty(), "'directories' lists no directory");
            check(!patterns.isEmpty(), "'patterns' lists no pattern; give file name globs such as \"*.log.gz\"");
            patterns.forEach(pattern -> check(!pattern.contains("/") && !pattern.contains("\\"),
                "pattern '" + pattern + "' contains a path separator; patterns match file names only"));
            check(!olderThan.isNegative() && !olderThan.isZero(), "'older-than' must be longer than zero");
        } catch (SettingException | IOException e) {
            return RepairResult.failed("delete-old-files: " + e.getMessage());
        }
        boolean recursive = spec.find("recursive", Boolean.class).orElse(false);
        Instant cutoff = Instant.now().minus(olderThan);

        List<Path> deleted = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long freed = 0;
        int links = 0;
        for (Path directory : directories) {
            try {
                Sweep sweep = OldFileSweeper.sweep(directory, patterns, cutoff, recursive);
                deleted.addAll(sweep.deleted());
                errors.addAll(sweep.errors());
                freed += sweep.freedBytes();
                links += sweep.skippedLinks();
            } catch (IOException e) {
                errors.add(directory + ": " + e);
            }
        }
        deleted.stream().limit(LOGGED_FILES).forEach(file -> context.log().log(System.Logger.Level.INFO, "deleted " + file));
        errors.forEach(error -> context.log().log(System.Logger.Level.WARNING, "could not sweep " + error));

        String what = "files matching " + String.join(", ", patterns) + " older than " + Durations.text(olderThan)
            + " in " + directories.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("");
        RepairResult result = deleted.isEmpty()
            ? RepairResult.failed("deleted nothing: no " + what + (errors.isEmpty() ? "" : "; " + errors.size()
                + " errors, the first: " + errors.get(0)))
            : RepairResult.succeeded("deleted " + deleted.size() + " " + what + ", " + ByteSize.format(freed) + " freed");
        return result.withDetail("deleted", deleted.size()).withDetail("freed-bytes", freed)
            .withDetail("skipped-symlinks", links).withDetail("errors", errors.size())
            .withDetail("files", String.join("\n", deleted.stream().limit(LOGGED_FILES).map(Path::toString).toList()));
    }

    private static void check(boolean valid, String problem) {
        if (!valid) {
            throw new SettingException(problem);
        }
    }
}
