package dev.medic.packages.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for {@code systemctl}, because systemd cannot run in the test environment. It is a
 * real executable script that keeps each unit's state in a file: {@code is-active} prints the
 * state and exits 0 only for {@code active}, as systemctl does; {@code restart} makes the unit
 * active, or fails like systemctl when the unit is marked broken. A unit left {@code activating}
 * becomes active at the next {@code is-active}, as a slow service would.
 */
final class FakeSystemctl {

    private final Path directory;
    private final Path executable;

    private FakeSystemctl(Path directory, Path executable) {
        this.directory = directory;
        this.executable = executable;
    }

    static FakeSystemctl in(Path directory) throws IOException {
        Path executable = directory.resolve("systemctl");
        Files.writeString(executable, """
            #!/bin/sh
            dir='%s'
            echo "$*" >> "$dir/calls"
            case "$1" in
              is-active)
                state=$(cat "$dir/$2.state" 2>/dev/null || echo inactive)
                echo "$state"
                if [ "$state" = activating ]; then echo active > "$dir/$2.state"; fi
                [ "$state" = active ] && exit 0
                exit 3 ;;
              restart)
                if [ -f "$dir/$2.broken" ]; then
                  echo "Job for $2 failed because the control process exited with error code." >&2
                  exit 1
                fi
                if [ -f "$dir/$2.after-restart" ]; then cp "$dir/$2.after-restart" "$dir/$2.state"; else echo active > "$dir/$2.state"; fi
                exit 0 ;;
              *)
                echo "Unknown command verb $1." >&2
                exit 1 ;;
            esac
            """.formatted(directory));
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new FakeSystemctl(directory, executable);
    }

    Path executable() {
        return executable;
    }

    void state(String unit, String state) throws IOException {
        Files.writeString(directory.resolve(unit + ".state"), state + "\n");
    }

    void breakRestarts(String unit) throws IOException {
        Files.writeString(directory.resolve(unit + ".broken"), "");
    }

    void stateAfterRestart(String unit, String state) throws IOException {
        Files.writeString(directory.resolve(unit + ".after-restart"), state + "\n");
    }

    /** Every command line it was called with, in order. */
    List<String> calls() throws IOException {
        Path calls = directory.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
