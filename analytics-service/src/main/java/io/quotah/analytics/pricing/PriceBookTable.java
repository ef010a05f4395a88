package io.quotah.analytics.pricing;

import io.quotah.contracts.pricing.PriceRow;
import io.quotah.contracts.pricing.PriceBook;
import io.quotah.contracts.pricing.PriceBookFile;
import io.quotah.contracts.events.Provider;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The price book's tables: each version of the file is recorded once, with its digest, and the prices the service
 * costs with are read back from them. Loading the same file again changes nothing; a changed file under a version
 * already recorded is refused, so one version always means one set of prices.
 */
@Repository
class PriceBookTable {

    private static final Logger log = LoggerFactory.getLogger(PriceBookTable.class);
    /** Replicas starting together load one at a time. */
    private static final long LOAD_LOCK = 0x5071_0ba4_0000_0001L;

    private final JdbcClient jdbc;

    PriceBookTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public PriceBook load(PriceBookFile file) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOAD_LOCK).query((rs, row) -> 1).list();
        Optional<String> recorded = jdbc.sql("SELECT sha256 FROM price_book_version WHERE version = :version")
                .param("version", file.version()).query(String.class).optional();
        if (recorded.isPresent() && !recorded.get().equals(file.sha256())) {
            throw new IllegalStateException("price book version " + file.version()
                    + " is already recorded with other contents; give the changed file a new version");
        }
        if (recorded.isEmpty()) {
            insert(file);
            log.info("price book {} recorded: {} prices of {} models", file.version(), file.rows().size(),
                    models(file));
        } else {
            log.info("price book {} already recorded", file.version());
        }
        return read(file.version());
    }

    private void insert(PriceBookFile file) {
        jdbc.sql("INSERT INTO price_book_version (version, sha256, models) VALUES (:version, :sha, :models)")
                .param("version", file.version()).param("sha", file.sha256()).param("models", models(file)).update();
        Map<String, String> aliases = new HashMap<>();
        for (PriceRow row : file.rows()) {
            jdbc.sql("""
                    INSERT INTO price_book_price (version, provider, model, effective_from, input, cache_write_5m,
                        cache_write_1h, cache_read, output, batch_discount, flex_discount)
                    VALUES (:version, :provider, :model, :from, :input, :write5m, :write1h, :read, :output, :batch,
                        :flex)
                    """)
                    .param("version", file.version())
                    .param("provider", row.provider().name())
                    .param("model", row.model())
                    .param("from", Date.valueOf(row.effectiveFrom()))
                    .param("input", row.input())
                    .param("write5m", row.cacheWrite5m())
                    .param("write1h", row.cacheWrite1h())
                    .param("read", row.cacheRead())
                    .param("output", row.output())
                    .param("batch", row.batchDiscount())
                    .param("flex", row.flexDiscount())
                    .update();
            row.aliases().forEach(alias -> aliases.put(row.provider().name() + "|" + alias, row.model()));
        }
        aliases.forEach((key, model) -> jdbc.sql("""
                        INSERT INTO price_book_alias (version, provider, alias, model)
                        VALUES (:version, :provider, :alias, :model)
                        """)
                .param("version", file.version())
                .param("provider", key.substring(0, key.indexOf('|')))
                .param("alias", key.substring(key.indexOf('|') + 1))
                .param("model", model)
                .update());
    }

    private PriceBook read(String version) {
        Map<String, List<String>> aliases = new HashMap<>();
        jdbc.sql("SELECT provider, alias, model FROM price_book_alias WHERE version = :version ORDER BY alias")
                .param("version", version)
                .query(rs -> {
                    aliases.computeIfAbsent(rs.getString("provider") + "|" + rs.getString("model"),
                            key -> new ArrayList<>()).add(rs.getString("alias"));
                });
        List<PriceRow> rows = jdbc.sql("SELECT * FROM price_book_price WHERE version = :version")
                .param("version", version)
                .query((rs, rowNum) -> new PriceRow(Provider.valueOf(rs.getString("provider")), rs.getString("model"),
                        aliases.getOrDefault(rs.getString("provider") + "|" + rs.getString("model"), List.of()),
                        rs.getObject("effective_from", java.time.LocalDate.class), rs.getBigDecimal("input"),
                        rs.getBigDecimal("cache_write_5m"), rs.getBigDecimal("cache_write_1h"),
                        rs.getBigDecimal("cache_read"), rs.getBigDecimal("output"), rs.getBigDecimal("batch_discount"),
                        rs.getBigDecimal("flex_discount")))
                .list();
        return PriceBook.of(version, rows);
    }

    private static int models(PriceBookFile file) {
        return (int) file.rows().stream().map(row -> row.provider() + "|" + row.model()).distinct().count();
    }
}
