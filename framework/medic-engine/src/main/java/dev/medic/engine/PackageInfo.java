package dev.medic.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * An installed package as {@code medic list} shows it.
 *
 * @param id          the package id (the archive's file name when it could not be read)
 * @param version     its version; empty when it did not load
 * @param description its description
 * @param archive     its archive in the packages directory
 * @param loaded      whether it loaded
 * @param checks      its checks
 * @param stats       its stats methods
 * @param settings    the settings it declares
 * @param problems    why it did not load, or what discovering its checks reported
 */
public record PackageInfo(String id, String version, String description, Path archive, boolean loaded,
        List<CheckInfo> checks, List<CheckInfo> stats, List<SettingInfo> settings, List<String> problems) {

    public PackageInfo {
        checks = List.copyOf(checks);
        stats = List.copyOf(stats);
        settings = List.copyOf(settings);
        problems = List.copyOf(problems);
    }
}
