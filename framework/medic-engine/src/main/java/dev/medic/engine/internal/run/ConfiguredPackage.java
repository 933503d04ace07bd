package dev.medic.engine.internal.run;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.CheckEach;
import dev.medic.api.CheckId;
import dev.medic.api.Settings;
import dev.medic.api.internal.MapSettings;
import dev.medic.api.internal.PackageRuntime;
import dev.medic.api.internal.TargetInvocations;
import dev.medic.engine.Selection;
import dev.medic.engine.config.CheckConfig;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MaintenanceWindow;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.internal.loading.LoadedPackage;

/**
 * A loaded package together with the user's configuration for it: the effective options and
 * settings of each of its checks.
 *
 * <p>The most specific level wins, and at the same level the user's configuration beats the
 * package's own defaults: the user's entry for the check, the package's entry for the check, the
 * user's entry for the package, the package's defaults, the user's global defaults, Medic's
 * built-in defaults.
 */
public final class ConfiguredPackage implements PackageRuntime {

    private final LoadedPackage loaded;
    private final PackageConfig config;
    private final CheckOptions global;
    private final List<MaintenanceWindow> globalMaintenance;
    private final Path stateDirectory;
    private final Path configDirectory;
    private final Selection selection;

    /**
     * @param selection the checks the run selected; a {@code @CheckEach} check runs only these targets
     */
    public ConfiguredPackage(LoadedPackage loaded, MedicConfig medicConfig, Selection selection) {
        this.loaded = loaded;
        this.selection = selection;
        this.config = medicConfig.packageConfig(loaded.id());
        this.global = medicConfig.defaults();
        this.globalMaintenance = medicConfig.maintenance();
        this.stateDirectory = medicConfig.stateDir().resolve("package-data").resolve(loaded.id());
        // Relative paths in settings mean what they mean in the rest of medic.yml.
        this.configDirectory = medicConfig.source().map(file -> file.toAbsolutePath().getParent())
            .orElse(Path.of("").toAbsolutePath());
    }

    /** The package. */
    public LoadedPackage loaded() {
        return loaded;
    }

    /** The directory the package's repairs may keep files in. */
    public Path stateDirectory() {
        return stateDirectory;
    }

    /** The effective options of a check. */
    public CheckOptions options(CheckId check) {
        return options(check.name(), check.methodName());
    }

    private CheckOptions options(String name, String methodName) {
        return config.check(name, methodName).map(CheckConfig::options).orElse(CheckOptions.inherit())
            .orElse(loaded.descriptor().checkOptions(name, methodName))
            .orElse(config.options())
            .orElse(loaded.descriptor().defaults())
            .orElse(global);
    }

    /**
     * The effective settings of a check: package defaults, then the user's package and check
     * settings. Per method, like the settings the check itself receives, so that a check and its
     * repair always see the same values.
     */
    public Settings settings(CheckId check) {
        return settingsFor(check.methodName(), check.methodName());
    }

    private Settings settingsFor(String name, String methodName) {
        Map<String, Object> checkSettings = config.check(name, methodName).map(CheckConfig::settings).orElse(Map.of());
        return MapSettings.withPathsFrom(loaded.descriptor().defaultSettings()
            .overriddenBy(Settings.of(config.settings()))
            .overriddenBy(Settings.of(checkSettings)), configDirectory);
    }

    @Override
    public Settings settings(Optional<String> checkName) {
        return checkName.map(name -> settingsFor(name, name))
            .orElseGet(() -> MapSettings.withPathsFrom(
                loaded.descriptor().defaultSettings().overriddenBy(Settings.of(config.settings())), configDirectory));
    }

    /** A maintenance window open now for a check (global, the package's, or the check's own), and when it closes. */
    public Optional<OpenWindow> openMaintenance(CheckId check, Instant now) {
        List<MaintenanceWindow> windows = new ArrayList<>(globalMaintenance);
        windows.addAll(config.maintenance());
        config.check(check.name(), check.methodName()).ifPresent(checkConfig -> windows.addAll(checkConfig.maintenance()));
        for (MaintenanceWindow window : windows) {
            Optional<Instant> until = window.openUntil(now);
            if (until.isPresent()) {
                return Optional.of(new OpenWindow(window.name(), until.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * A maintenance window that is open.
     *
     * @param name  its name
     * @param until when it closes
     */
    public record OpenWindow(String name, Instant until) {
    }

    /**
     * The settings a repair receives: the check's, and for one target of a {@code @CheckEach}
     * check, the target's values over them.
     */
    public Settings repairSettings(CheckId check, Optional<Method> method) {
        Settings settings = settings(check);
        Optional<CheckEach> each = method.map(m -> m.getAnnotation(CheckEach.class));
        if (each.isEmpty() || check.name().equals(check.methodName())) {
            return settings;
        }
        String target = check.name().substring(check.methodName().length() + 1, check.name().length() - 1);
        return TargetInvocations.targets(settings, each.get().value()).stream()
            .filter(candidate -> candidate.name().equals(target)).findFirst().<Settings>map(found -> found)
            .orElse(settings);
    }

    @Override
    public boolean selects(String checkName) {
        return selection.includes(new CheckId(loaded.id(), checkName));
    }

    @Override
    public Optional<Duration> timeout(Optional<String> checkName) {
        CheckOptions options = checkName.map(name -> options(name, name)).orElseGet(this::packageOptions);
        return Optional.of(options.checkTimeout());
    }

    /** The longest check timeout in effect for the package, to bound a whole request. */
    public Duration longestTimeout() {
        Duration longest = packageOptions().checkTimeout();
        for (String name : config.checks().keySet()) {
            Duration timeout = options(name, name).checkTimeout();
            longest = timeout.compareTo(longest) > 0 ? timeout : longest;
        }
        for (String name : loaded.descriptor().checks().keySet()) {
            Duration timeout = options(name, name).checkTimeout();
            longest = timeout.compareTo(longest) > 0 ? timeout : longest;
        }
        return longest;
    }

    private CheckOptions packageOptions() {
        return config.options().orElse(loaded.descriptor().defaults()).orElse(global);
    }
}
