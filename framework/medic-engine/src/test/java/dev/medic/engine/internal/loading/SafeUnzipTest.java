package dev.medic.engine.internal.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUnzipTest {

    @TempDir
    Path dir;

    private Path archives;
    private Path installed;

    @BeforeEach
    void directories() throws IOException {
        archives = Files.createDirectories(dir.resolve("archives"));
        installed = Files.createDirectories(dir.resolve("work/installed"));
    }

    /** Writes a zip; a name ending in '/' is a directory entry, every other name gets the text as content. */
    private Path zip(String fileName, Map<String, String> entries) throws IOException {
        Path archive = archives.resolve(fileName);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                if (!entry.getKey().endsWith("/")) {
                    out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return archive;
    }

    private static Map<String, String> entries(String... namesAndContents) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put(namesAndContents[i], namesAndContents[i + 1]);
        }
        return entries;
    }

    private static Stream<Path> everything(Path root) throws IOException {
        return Files.walk(root).filter(path -> !path.equals(root));
    }

    @Test
    void normalArchiveExpandsIntoTheDirectory() throws IOException {
        Path archive = zip("demo.zip", entries("medic-package.yml", "settings: {}\n", "lib/", "",
            "lib/demo.jar", "jar", "classes/acme/Checks.class", "class"));
        Path target = installed.resolve("demo");

        SafeUnzip.expand(archive, target);

        assertThat(target.resolve("medic-package.yml")).hasContent("settings: {}");
        assertThat(target.resolve("lib/demo.jar")).hasContent("jar");
        assertThat(target.resolve("classes/acme/Checks.class")).hasContent("class");
        try (Stream<Path> siblings = Files.list(installed)) {
            assertThat(siblings).containsExactly(target);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "/etc/passwd", "a/../../x", "lib/../../../evil.txt", "C:/evil.txt"})
    void entryPointingOutsideTheTargetIsRefusedAndNothingIsLeftBehind(String evil) throws IOException {
        Path archive = zip("evil.zip", entries("medic-package.yml", "settings: {}\n", "lib/", "",
            "lib/demo.jar", "jar", evil, "gotcha"));
        Path target = installed.resolve("demo");

        assertThatThrownBy(() -> SafeUnzip.expand(archive, target)).isInstanceOf(IOException.class)
            .hasMessageContaining("'" + evil + "'").hasMessageContaining("evil.zip");

        assertThat(target).doesNotExist();
        try (Stream<Path> left = everything(dir)) {
            assertThat(left).as("files in " + dir).containsExactlyInAnyOrder(archives, archive, dir.resolve("work"),
                installed);
        }
    }

    @Test
    void checkEntriesAcceptsANormalArchive() throws IOException {
        Path archive = zip("demo.zip", entries("medic-package.yml", "", "lib/", "", "lib/./demo.jar", "jar"));

        SafeUnzip.checkEntries(archive);

        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files).containsExactly(archive);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "/etc/passwd", "a/../../x", "\\evil.txt"})
    void checkEntriesRefusesTheSameEntriesWithoutWriting(String evil) throws IOException {
        Path archive = zip("evil.zip", entries("ok.txt", "ok", evil, "gotcha"));

        assertThatThrownBy(() -> SafeUnzip.checkEntries(archive)).isInstanceOf(IOException.class)
            .hasMessageContaining("'" + evil + "'").hasMessageContaining("path traversal");

        try (Stream<Path> left = everything(dir)) {
            assertThat(left).containsExactlyInAnyOrder(archives, archive, dir.resolve("work"), installed);
        }
    }

    @Test
    void archiveExpandingBeyondTheBoundIsRefusedAndNothingIsLeftBehind() throws IOException {
        Path archive = archives.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
            out.putNextEntry(new ZipEntry("small.txt"));
            out.write(new byte[100]);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("zeros.bin"));
            out.write(new byte[64 * 1024]);
            out.closeEntry();
        }
        Path target = installed.resolve("bomb");

        assertThatThrownBy(() -> SafeUnzip.expand(archive, target, 4096)).isInstanceOf(IOException.class)
            .hasMessage("bomb.zip expands to more than 4096 bytes");

        assertThat(target).doesNotExist();
        try (Stream<Path> siblings = Files.list(installed)) {
            assertThat(siblings).isEmpty();
        }
    }

    @Test
    void archiveWithinTheBoundExpands() throws IOException {
        Path archive = archives.resolve("fits.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
            out.putNextEntry(new ZipEntry("a.bin"));
            out.write(new byte[2048]);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("b.bin"));
            out.write(new byte[2048]);
            out.closeEntry();
        }
        Path target = installed.resolve("fits");

        SafeUnzip.expand(archive, target, 4096);

        assertThat(Files.size(target.resolve("a.bin")) + Files.size(target.resolve("b.bin"))).isEqualTo(4096);
    }

    @Test
    void deleteTreeRemovesADirectoryWithEverythingInItAndIgnoresAMissingOne() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("file.txt"), "x");
        try (OutputStream out = Files.newOutputStream(dir.resolve("tree/top.txt"))) {
            out.write(1);
        }

        SafeUnzip.deleteTree(dir.resolve("tree"));
        SafeUnzip.deleteTree(dir.resolve("absent"));

        assertThat(dir.resolve("tree")).doesNotExist();
    }
}
