package io.quotah.contracts.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PriceBookFileTest {

    private static final String HEADER = String.join(",", PriceBookFile.COLUMNS);

    @Test
    void the_shipped_book_has_a_version_and_a_row_per_model_and_price_change() {
        PriceBookFile file = PriceBookFile.shipped();

        assertThat(file.version()).isNotBlank();
        assertThat(file.sha256()).hasSize(64);
        // 8 Anthropic models (Sonnet 5 twice: its price changes) and 12 OpenAI ones
        assertThat(file.rows()).hasSize(21);
        assertThat(file.rows()).filteredOn(row -> row.model().equals("claude-sonnet-5")).hasSize(2);
    }

    @Test
    void another_content_has_another_digest() {
        PriceBookFile one = PriceBookFile.parse(book("ANTHROPIC,m,,2026-01-01,1,,,,2,0.5,"));
        PriceBookFile other = PriceBookFile.parse(book("ANTHROPIC,m,,2026-01-01,1,,,,3,0.5,"));

        assertThat(one.version()).isEqualTo(other.version());
        assertThat(one.sha256()).isNotEqualTo(other.sha256());
    }

    @Test
    void refuses_a_book_without_a_version() {
        assertThatThrownBy(() -> PriceBookFile.parse((HEADER + "\nANTHROPIC,m,,2026-01-01,1,,,,2,,\n")
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("version");
    }

    @Test
    void refuses_a_mistake_naming_its_line() {
        assertThatThrownBy(() -> PriceBookFile.parse(book("ANTHROPIC,m,,2026-01-01,one,,,,2,,")))
                .hasMessageContaining("line 3").hasMessageContaining("input");
        assertThatThrownBy(() -> PriceBookFile.parse(book("AZURE,m,,2026-01-01,1,,,,2,,")))
                .hasMessageContaining("line 3").hasMessageContaining("AZURE");
        assertThatThrownBy(() -> PriceBookFile.parse(book("ANTHROPIC,m,,2026-13-01,1,,,,2,,")))
                .hasMessageContaining("effective_from");
        assertThatThrownBy(() -> PriceBookFile.parse(book("ANTHROPIC,m,,2026-01-01,-1,,,,2,,")))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> PriceBookFile.parse(book("ANTHROPIC,m,,2026-01-01,1,,,,2,1.5,")))
                .hasMessageContaining("batch_discount");
        assertThatThrownBy(() -> PriceBookFile.parse(book("ANTHROPIC,m,,2026-01-01,1,,,,2,")))
                .hasMessageContaining("fields");
    }

    @Test
    void refuses_a_second_row_for_the_same_day_and_a_name_that_means_two_models() {
        assertThatThrownBy(() -> PriceBookFile.parse(book("ANTHROPIC,m,,2026-01-01,1,,,,2,,",
                "ANTHROPIC,m,,2026-01-01,3,,,,4,,")))
                .hasMessageContaining("line 4").hasMessageContaining("second row");
        assertThatThrownBy(() -> PriceBookFile.parse(book("OPENAI,a,x-1,2026-01-01,1,,,,2,,",
                "OPENAI,b,x-1,2026-01-01,1,,,,2,,")))
                .hasMessageContaining("'x-1' already names a");
    }

    @Test
    void refuses_a_wrong_header() {
        assertThatThrownBy(() -> PriceBookFile.parse("# version: 1\nprovider,model\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("header");
    }

    private static byte[] book(String... rows) {
        return ("# version: test-1\n" + HEADER + "\n" + String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
