package io.quotah.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * PostgreSQL for the stack: one named by {@code QUOTAH_POSTGRES_URL}, else the one answering on
 * 127.0.0.1:5432, else an embedded one (a real PostgreSQL from a jar) with its data under {@code .quotah/}.
 */
final class PostgresProvider implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String origin;
    private final EmbeddedPostgres embedded;

    private PostgresProvider(String adminUrl, String user, String password, String origin, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.origin = origin;
        this.embedded = embedded;
    }

    static PostgresProvider findOrStart(StackLayout layout) {
        String user = Settings.get("QUOTAH_DB_USER", "postgres");
        String password = Settings.get("QUOTAH_DB_PASSWORD", "");
        String named = Settings.get("QUOTAH_POSTGRES_URL");
        if (named != null) {
            requireConnectable(named, user, password, "QUOTAH_POSTGRES_URL");
            return new PostgresProvider(named, user, password, "yours (QUOTAH_POSTGRES_URL)", null);
        }
        String local = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
        if (Ports.answers("127.0.0.1", 5432)) {
            requireConnectable(local, user, password, "the PostgreSQL on 127.0.0.1:5432");
            return new PostgresProvider(local, user, password, "yours, already running", null);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            throw new StackException("""
                    No PostgreSQL answers on 127.0.0.1:5432, and an embedded one cannot run as root.
                    Start yours (e.g. pg_ctlcluster --skip-systemctl-redirect <version> main start), name one with
                    QUOTAH_POSTGRES_URL=jdbc:postgresql://host:5432/postgres, or run ./quotah up as a normal user.""");
        }
        try {
            Path data = layout.state().resolve("postgres");
            Files.createDirectories(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(5432)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .start();
            return new PostgresProvider(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded, started by quotah", postgres);
        } catch (IOException | RuntimeException e) {
            throw new StackException("No PostgreSQL answers on 127.0.0.1:5432 and the embedded one did not start: "
                    + e.getMessage() + ". Start yours, or name one with QUOTAH_POSTGRES_URL.", e);
        }
    }

    private static void requireConnectable(String url, String user, String password, String what) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            // reachable with these credentials
        } catch (SQLException e) {
            throw new StackException("Cannot log into " + what + " as '" + user + "': " + e.getMessage()
                    + ". Set QUOTAH_DB_USER and QUOTAH_DB_PASSWORD to an account that may create databases.", e);
        }
    }

    /** Creates each database that does not exist yet; existing ones keep their data. */
    void createDatabases(Collection<String> names) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            for (String name : names) {
                try (PreparedStatement exists = connection.prepareStatement(
                        "SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new StackException("Could not create the service databases: " + e.getMessage(), e);
        }
    }

    /** Drops a database if it exists, with its open connections; returns whether it existed. */
    boolean dropDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            boolean existed;
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    existed = rows.next();
                }
            }
            if (existed) {
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP DATABASE " + name + " WITH (FORCE)");
                }
            }
            return existed;
        } catch (SQLException e) {
            throw new StackException("Could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    String urlOf(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String origin() {
        return origin;
    }

    String address() {
        return urlOf("").replace("jdbc:postgresql://", "").replaceAll("/$", "");
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
