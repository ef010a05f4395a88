package io.quotah.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL server tests may create databases on. Each {@link #createDatabase} is new and is dropped
 * when the JVM exits, so test runs never see each other's rows.
 *
 * @param adminUrl JDBC URL of a database to connect to for creating others
 * @param outlivesThisJvm whether the server goes on after this JVM exits (embedded and container ones do not)
 */
public record PostgresServer(String adminUrl, String user, String password, String source, boolean outlivesThisJvm) {

    /** A fresh database: its JDBC URL and credentials. */
    public record Database(String url, String user, String password, String name) {
    }

    public Database createDatabase(String prefix) {
        Database database = createLastingDatabase(prefix);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                dropDatabase(database.name());
            } catch (RuntimeException ignored) {
                // the server may already be gone at exit; an abandoned test database is harmless
            }
        }));
        return database;
    }

    /** A fresh database that stays when this JVM exits, for servers shared by a whole test run. */
    Database createLastingDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        execute("CREATE DATABASE " + name);
        Infrastructure.log.info("Quotah testkit: created database {} on PostgreSQL from {}", name, source);
        return new Database(withDatabase(adminUrl, name), user, password, name);
    }

    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    static PostgresServer resolve() {
        String url = Infrastructure.env("QUOTAH_POSTGRES_URL");
        String user = firstNonBlank(Infrastructure.env("QUOTAH_POSTGRES_USER"), "postgres");
        String password = firstNonBlank(Infrastructure.env("QUOTAH_POSTGRES_PASSWORD"), "");
        if (url != null) {
            return announce(new PostgresServer(url, user, password, "QUOTAH_POSTGRES_URL (" + url + ")", true));
        }
        if (Infrastructure.dockerAvailable()) {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return announce(new PostgresServer(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword(), "a Testcontainers container", false));
        }
        String local = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
        SQLException localFailure;
        try (Connection ignored = DriverManager.getConnection(local, user, password)) {
            return announce(new PostgresServer(local, user, password, "the local server at 127.0.0.1:5432", true));
        } catch (SQLException e) {
            localFailure = e;
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                try {
                    embedded.close();
                } catch (Exception ignored) {
                    // exiting anyway
                }
            }));
            String embeddedUrl = embedded.getJdbcUrl("postgres", "postgres");
            return announce(new PostgresServer(embeddedUrl, "postgres", "", "an embedded PostgreSQL (zonky)", false));
        } catch (Exception | LinkageError e) {
            e.addSuppressed(localFailure);
            throw new InfrastructureUnavailableException("""
                    No PostgreSQL for the tests. Start one of:
                      - a local server on 127.0.0.1:5432 that user '%s' may log into, e.g.
                          pg_ctlcluster --skip-systemctl-redirect <version> main start
                      - or name one: QUOTAH_POSTGRES_URL=jdbc:postgresql://host:5432/postgres \
                    (with QUOTAH_POSTGRES_USER / QUOTAH_POSTGRES_PASSWORD)
                      - or a Docker engine, for Testcontainers.
                    The local server said: %s; the embedded one said: %s"""
                    .formatted(user, localFailure.getMessage(), e.getMessage()), e);
        }
    }

    private static PostgresServer announce(PostgresServer server) {
        Infrastructure.log.info("Quotah testkit: PostgreSQL from {}", server.source());
        return server;
    }

    private static String firstNonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
