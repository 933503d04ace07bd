package dev.medic.store.sqlite;

import static dev.medic.store.sqlite.Events.T0;
import static dev.medic.store.sqlite.Events.all;
import static dev.medic.store.sqlite.Events.check;
import static dev.medic.store.sqlite.Events.id;
import static dev.medic.store.sqlite.Events.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Outcome;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunStart;
import dev.medic.store.sqlite.internal.Migrations;

class HistoryFileTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("medic.db");
    }

    @Test
    void aFileOfRandomBytesIsRefusedNamingTheFileAndLeftUntouched() throws IOException {
        byte[] noise = new byte[8192];
        new Random(42).nextBytes(noise);
        Files.write(file(), noise);

        assertThatThrownBy(() -> SqliteStore.open(file()))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining(file().toString())
            .hasMessageContaining("is not a Medic history database");
        assertThat(Files.readAllBytes(file())).isEqualTo(noise);
    }

    @Test
    void anotherApplicationsSqliteDatabaseIsRefusedAndLeftUntouched() throws Exception {
        execute("CREATE TABLE customers (name TEXT)", "INSERT INTO customers VALUES ('Ada')");
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> SqliteStore.open(file()))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining(file().toString())
            .hasMessageContaining("is not a Medic history database");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(Files.exists(Path.of(file() + "-wal"))).as("no write-ahead log was started").isFalse();
    }

    @Test
    void aHistoryWrittenByANewerMedicIsRefusedNamingBothVersions() throws Exception {
        SqliteStore.open(file()).close();
        execute("PRAGMA user_version = 99");

        assertThatThrownBy(() -> SqliteStore.open(file()))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining(file().toString())
            .hasMessageContaining("newer Medic")
            .hasMessageContaining("99");
    }

    @Test
    void aParentThatIsAFileIsReportedAsADirectoryThatCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(dir.resolve("state"), "not a directory");

        assertThatThrownBy(() -> SqliteStore.open(blocker.resolve("medic.db")))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("cannot create directory " + blocker)
            .hasMessageContaining("medic.db");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsRefusedNamingIt() throws IOException {
        Files.createDirectories(file());

        assertThatThrownBy(() -> SqliteStore.open(file()))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining(file() + " is a directory");
    }

    @Test
    void reopeningAnUpToDateHistoryKeepsItsDataAndItsSchemaVersion() throws Exception {
        CheckRecord check = check("run-1", id("disk", "DiskChecks.hasRoom"), Outcome.HEALTHY, T0);
        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            store.checkFinished(check);
            store.runFinished(run("run-1", T0));
        }

        for (int i = 0; i < 3; i++) {
            SqliteStore.open(file()).close();
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.checks(all())).containsExactly(check);
            assertThat(store.runs(all())).containsExactly(run("run-1", T0));
        }
        assertThat(query("PRAGMA user_version")).isEqualTo(String.valueOf(Migrations.latest()));
        assertThat(Migrations.latest()).isEqualTo(3);
    }

    @Test
    void theHistoryUsesWriteAheadLogging() throws Exception {
        SqliteStore.open(file()).close();

        assertThat(query("PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void anEmptyFileBecomesANewHistory() throws Exception {
        Files.createFile(file());

        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            assertThat(store.runs(all())).hasSize(1);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("%s returns a row", sql).isTrue();
            return result.getString(1);
        }
    }
}
