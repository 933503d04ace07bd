package dev.medic.store.sqlite.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import dev.medic.store.sqlite.StoreException;

/**
 * The one connection to a history file, and the transactions and error messages around it.
 * Not thread-safe: the store that owns it serializes every call.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    static final int BUSY_TIMEOUT_MS = 5000;

    private final Path file;
    private final Connection connection;
    /** Statements that every event uses, compiled once: a daemon records thousands of events an hour. */
    private final java.util.Map<String, java.sql.PreparedStatement> prepared = new java.util.HashMap<>();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the file, creating it and its parent directories, and migrates it to the latest schema. */
    public static Database open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        createParent(path);
        if (Files.isDirectory(path)) {
            throw new StoreException(path + " is a directory, not a Medic history database");
        }
        Connection connection = connect(path);
        try {
            // Identify before anything writes: journal_mode=WAL would change someone else's file.
            int version = Migrations.identify(connection, path);
            useWriteAheadLog(connection, path);
            Database database = new Database(path, connection);
            Migrations.migrate(database, version);
            return database;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw failure(path, "open the history", e);
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /** The history file, absolute. */
    public Path file() {
        return file;
    }

    /** Runs work in one write transaction and commits it before returning. */
    public void write(String what, SqlWork work) {
        // Explicit BEGIN/COMMIT in auto-commit mode: the driver's commit() opens the next
        // transaction at once, which would hold the write lock between events.
        try (Statement control = connection.createStatement()) {
            control.execute("BEGIN IMMEDIATE");
            try {
                work.run(connection);
                control.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(control, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(file, what, e);
        }
    }

    /**
     * A statement compiled once and kept for the connection's life. The caller sets every
     * parameter before it executes, and never closes it.
     */
    java.sql.PreparedStatement prepared(String sql) throws SQLException {
        java.sql.PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    /** Runs a query outside any explicit transaction. */
    public <T> T read(String what, SqlQuery<T> query) {
        try {
            return query.run(connection);
        } catch (SQLException e) {
            throw failure(file, what, e);
        }
    }

    @Override
    public void close() {
        try {
            for (java.sql.PreparedStatement statement : prepared.values()) {
                statement.close();
            }
            prepared.clear();
            connection.close();
        } catch (SQLException e) {
            throw failure(file, "close the history", e);
        }
    }

    private static void createParent(Path path) {
        Path parent = path.getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (FileSystemException e) {
            String reason = e instanceof FileAlreadyExistsException || e.getReason() == null
                ? " exists and is not a directory" : ": " + e.getReason();
            throw new StoreException("cannot create directory " + parent + " for " + path.getFileName() + ": "
                + e.getFile() + reason, e);
        } catch (IOException | SecurityException e) {
            throw new StoreException("cannot create directory " + parent + " for " + path.getFileName() + ": " + e, e);
        }
    }

    private static Connection connect(Path path) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        try {
            return config.createConnection("jdbc:sqlite:" + path);
        } catch (SQLException e) {
            throw failure(path, "open the history", e);
        }
    }

    private static void useWriteAheadLog(Connection connection, Path path) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            String actual = mode.next() ? mode.getString(1) : "unknown";
            if (!"wal".equalsIgnoreCase(actual)) {
                // Some file systems (network shares) cannot share WAL memory; a rollback journal
                // is slower but keeps every committed event just the same.
                LOG.log(System.Logger.Level.WARNING, "{0} cannot use write-ahead logging; journal mode stays {1}",
                    path, actual);
            }
        }
    }

    private static void rollback(Statement control, Exception cause) {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite has already rolled back after some errors; the original failure is what matters
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A failure that says what was being done, to which file, and what the user can do about it. */
    static StoreException failure(Path file, String what, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite
            ? SQLiteErrorCode.getErrorCode(sqlite.getResultCode().code & 0xff)
            : SQLiteErrorCode.getErrorCode(e.getErrorCode() & 0xff);
        String message = switch (code) {
            case SQLITE_NOTADB -> file + " is not a Medic history database: it is not an SQLite file";
            case SQLITE_CORRUPT -> file + " is damaged (" + e.getMessage() + "); move it aside and Medic starts a new history";
            case SQLITE_BUSY, SQLITE_LOCKED -> "cannot " + what + ": " + file + " stayed locked by another process for more than "
                + BUSY_TIMEOUT_MS / 1000 + " s";
            case SQLITE_READONLY, SQLITE_PERM -> "cannot " + what + ": " + file + " is read-only";
            case SQLITE_FULL -> "cannot " + what + ": the disk holding " + file + " is full";
            case SQLITE_CANTOPEN -> "cannot open " + file + ": " + e.getMessage();
            default -> "cannot " + what + " in " + file + ": " + e.getMessage();
        };
        return new StoreException(message, e);
    }

    /** Work done inside a write transaction. */
    @FunctionalInterface
    public interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    /** A read that returns a value. */
    @FunctionalInterface
    public interface SqlQuery<T> {
        T run(Connection connection) throws SQLException;
    }
}
