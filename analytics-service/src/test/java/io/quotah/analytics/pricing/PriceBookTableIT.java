package io.quotah.analytics.pricing;

import io.quotah.contracts.pricing.PriceBook;
import io.quotah.contracts.pricing.PriceBookFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quotah.contracts.events.Provider;
import io.quotah.testkit.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The price book file recorded in its tables at start: once per version, and what is costed with. */
@SpringBootTest
@RealInfrastructure
class PriceBookTableIT {

    @Autowired
    PriceBookTable table;
    @Autowired
    PriceBook book;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_shipped_book_is_recorded_with_its_version_and_digest_and_costs_from_the_tables() {
        PriceBookFile shipped = PriceBookFile.shipped();

        assertThat(book.version()).isEqualTo(shipped.version());
        assertThat(jdbc.sql("SELECT sha256 FROM price_book_version WHERE version = ?").param(shipped.version())
                .query(String.class).single()).isEqualTo(shipped.sha256());
        assertThat(jdbc.sql("SELECT count(*) FROM price_book_price WHERE version = ?").param(shipped.version())
                .query(Integer.class).single()).isEqualTo(shipped.rows().size());
        assertThat(jdbc.sql("SELECT model FROM price_book_alias WHERE version = ? AND alias = ?")
                .param(shipped.version()).param("gpt-4o-mini-2024-07-18").query(String.class).single())
                .isEqualTo("gpt-4o-mini");
        assertThat(book.priceOn(Provider.ANTHROPIC, "claude-sonnet-5-20260601", LocalDate.of(2026, 9, 1))
                .orElseThrow().input()).isEqualByComparingTo("3");
        assertThat(book.canonicalModel(Provider.OPENAI, "gpt-4o-mini-2024-07-18")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void loading_a_version_again_changes_nothing_and_other_contents_under_it_are_refused() {
        String header = String.join(",", PriceBookFile.COLUMNS);
        String version = "it-" + System.nanoTime();
        PriceBookFile file = PriceBookFile.parse(("# version: " + version + "\n" + header
                + "\nOPENAI,test-model,test-model-2026-01-01,2026-01-01,1,,,0.1,2,0.5,0.5\n")
                .getBytes(StandardCharsets.UTF_8));

        PriceBook first = table.load(file);
        PriceBook again = table.load(file);

        assertThat(again.priceOn(Provider.OPENAI, "test-model-2026-01-01", LocalDate.of(2026, 2, 1)))
                .isEqualTo(first.priceOn(Provider.OPENAI, "test-model", LocalDate.of(2026, 2, 1)));
        assertThat(jdbc.sql("SELECT count(*) FROM price_book_price WHERE version = ?").param(version)
                .query(Integer.class).single()).isEqualTo(1);
        PriceBookFile changed = PriceBookFile.parse(("# version: " + version + "\n" + header
                + "\nOPENAI,test-model,,2026-01-01,9,,,0.1,2,0.5,0.5\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> table.load(changed)).hasMessageContaining("already recorded with other contents");
        assertThat(jdbc.sql("SELECT input FROM price_book_price WHERE version = ?").param(version)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1");
    }
}
