package io.quotah.contracts.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.Provider;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped price book, applied: PROVIDERS.md's prices and the rules that are easy to get wrong. */
class PriceBookTest {

    static final PriceBook BOOK = shippedBook();
    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 15);
    private static final long MILLION = 1_000_000;

    @Test
    void prices_anthropic_5_minute_and_1_hour_cache_writes_each_at_their_own_rate() {
        // given a million tokens of every kind on Sonnet 4.5: 3 + 3.75 + 6 + 0.30 + 15
        TokenCounts everyKind = new TokenCounts(MILLION, MILLION, MILLION, MILLION, MILLION);

        assertThat(usd(Provider.ANTHROPIC, "claude-sonnet-4-5", "standard", OCTOBER, everyKind)).isEqualTo("28.05");
        // 1-hour writes are 2x input, never the 5-minute 1.25x
        assertThat(usd(Provider.ANTHROPIC, "claude-sonnet-4-5", "standard", OCTOBER,
                new TokenCounts(0, 0, 2 * MILLION, 0, 0))).isEqualTo("12");
        assertThat(usd(Provider.ANTHROPIC, "claude-sonnet-4-5", "standard", OCTOBER,
                new TokenCounts(0, 2 * MILLION, 0, 0, 0))).isEqualTo("7.5");
        assertThat(usd(Provider.ANTHROPIC, "claude-opus-4-1", null, OCTOBER,
                new TokenCounts(0, 0, MILLION, MILLION, 0))).isEqualTo("31.5");
    }

    @Test
    void batch_takes_half_off_every_token_kind_on_top_of_the_cache_prices() {
        TokenCounts everyKind = new TokenCounts(MILLION, MILLION, MILLION, MILLION, MILLION);

        assertThat(usd(Provider.ANTHROPIC, "claude-sonnet-4-5", "batch", OCTOBER, everyKind)).isEqualTo("14.025");
        // a batch 1-hour write: 2x input (10) halved
        assertThat(usd(Provider.ANTHROPIC, "claude-opus-4-5", "batch", OCTOBER, new TokenCounts(0, 0, MILLION, 0, 0)))
                .isEqualTo("5");
        assertThat(usd(Provider.ANTHROPIC, "claude-haiku-4-5", "batch", OCTOBER, new TokenCounts(0, 0, 0, MILLION, 0)))
                .isEqualTo("0.05");
    }

    @Test
    void openai_cached_tokens_are_priced_at_the_cached_rate_and_not_again_as_input() {
        // given a prompt of 1M tokens of which 400k were cached: the poller sends 600k input and 400k cache reads
        TokenCounts prompt = new TokenCounts(600_000, 0, 0, 400_000, 100_000);

        // 0.6 x 0.15 + 0.4 x 0.075 + 0.1 x 0.60
        assertThat(usd(Provider.OPENAI, "gpt-4o-mini", "default", OCTOBER, prompt)).isEqualTo("0.18");
        // the known mistake would be 1M x 0.15 + 0.4 x 0.075 + 0.06 = 0.24
        assertThat(usd(Provider.OPENAI, "gpt-4o-mini-2024-07-18", null, OCTOBER, prompt)).isEqualTo("0.18");
    }

    @Test
    void openai_batch_and_flex_are_half_price() {
        TokenCounts tokens = new TokenCounts(MILLION, 0, 0, MILLION, MILLION);

        assertThat(usd(Provider.OPENAI, "gpt-5", "default", OCTOBER, tokens)).isEqualTo("11.375");
        assertThat(usd(Provider.OPENAI, "gpt-5", "batch", OCTOBER, tokens)).isEqualTo("5.6875");
        assertThat(usd(Provider.OPENAI, "gpt-5", "flex", OCTOBER, tokens)).isEqualTo("5.6875");
    }

    @Test
    void sonnet_5_costs_its_launch_price_until_2026_08_31_and_the_sonnet_price_from_2026_09_01() {
        TokenCounts tokens = new TokenCounts(MILLION, 0, 0, 0, MILLION);

        assertThat(usd(Provider.ANTHROPIC, "claude-sonnet-5", null, LocalDate.of(2026, 8, 31), tokens))
                .isEqualTo("12");
        assertThat(usd(Provider.ANTHROPIC, "claude-sonnet-5", null, LocalDate.of(2026, 9, 1), tokens))
                .isEqualTo("18");
    }

    @Test
    void an_unknown_model_tier_or_token_kind_is_unknown_never_zero() {
        TokenCounts tokens = new TokenCounts(1000, 0, 0, 0, 1000);

        Priced unknownModel = BOOK.price(Provider.ANTHROPIC, "claude-3-opus-20240229", null, OCTOBER, tokens);
        assertThat(unknownModel.known()).isFalse();
        assertThat(unknownModel.amount()).isNull();
        assertThat(unknownModel.unknownReason()).contains("claude-3-opus-20240229");
        // an OpenAI snapshot is not its alias: gpt-4o-2024-05-13 was priced apart
        assertThat(BOOK.price(Provider.OPENAI, "gpt-4o-2024-05-13", null, OCTOBER, tokens).known()).isFalse();
        // the book has no priority prices: not the standard ones either
        assertThat(BOOK.price(Provider.OPENAI, "gpt-5", "priority", OCTOBER, tokens).unknownReason())
                .contains("priority");
        // OpenAI has no cache-write price
        assertThat(BOOK.price(Provider.OPENAI, "gpt-5", null, OCTOBER, new TokenCounts(0, 5, 0, 0, 0)).known())
                .isFalse();
        // Anthropic has no flex tier
        assertThat(BOOK.price(Provider.ANTHROPIC, "claude-haiku-4-5", "flex", OCTOBER, tokens).known()).isFalse();
        // before a price took effect the book does not know it (o3's price since 2025-06-10)
        assertThat(BOOK.price(Provider.OPENAI, "o3", null, LocalDate.of(2025, 5, 1), tokens).known()).isFalse();
        assertThat(BOOK.price(Provider.OPENAI, "o3", null, LocalDate.of(2025, 6, 10), tokens).known()).isTrue();
    }

    @Test
    void no_tokens_cost_nothing_whatever_the_model() {
        Priced nothing = BOOK.price(Provider.OPENAI, "a-model-nobody-knows", "priority", OCTOBER, TokenCounts.NONE);

        assertThat(nothing.known()).isTrue();
        assertThat(nothing.amount()).isZero();
    }

    @Test
    void dated_snapshots_and_aliases_resolve_to_the_books_model() {
        assertThat(BOOK.canonicalModel(Provider.ANTHROPIC, "claude-sonnet-4-5-20250929")).isEqualTo("claude-sonnet-4-5");
        assertThat(BOOK.canonicalModel(Provider.ANTHROPIC, "claude-haiku-4-5")).isEqualTo("claude-haiku-4-5");
        assertThat(BOOK.canonicalModel(Provider.ANTHROPIC, "claude-haiku-4-5-20251001")).isEqualTo("claude-haiku-4-5");
        assertThat(BOOK.canonicalModel(Provider.ANTHROPIC, " Claude-Opus-4-6 ")).isEqualTo("claude-opus-4-6");
        // an Anthropic snapshot id resolves even when the book does not list it
        assertThat(BOOK.canonicalModel(Provider.ANTHROPIC, "claude-opus-4-6-20260205")).isEqualTo("claude-opus-4-6");
        assertThat(BOOK.canonicalModel(Provider.OPENAI, "gpt-4o-mini-2024-07-18")).isEqualTo("gpt-4o-mini");
        assertThat(BOOK.canonicalModel(Provider.OPENAI, "gpt-4o-mini")).isEqualTo("gpt-4o-mini");
        assertThat(BOOK.canonicalModel(Provider.OPENAI, "gpt-5-mini-2025-08-07")).isEqualTo("gpt-5-mini");
        assertThat(BOOK.canonicalModel(Provider.OPENAI, "gpt-4o-2024-05-13")).isEqualTo("gpt-4o-2024-05-13");
        // a model of one provider is not another's
        assertThat(BOOK.canonicalModel(Provider.OPENAI, "claude-haiku-4-5-20251001"))
                .isEqualTo("claude-haiku-4-5-20251001");
    }

    @Test
    void every_model_of_providers_md_and_every_name_the_simulator_serves_has_a_price() {
        List<String> anthropic = List.of("claude-opus-4-1", "claude-opus-4-1-20250805", "claude-opus-4-5",
                "claude-opus-4-5-20251101", "claude-opus-4-6", "claude-opus-5", "claude-sonnet-4-5",
                "claude-sonnet-4-5-20250929", "claude-sonnet-4-6", "claude-sonnet-5", "claude-haiku-4-5",
                "claude-haiku-4-5-20251001");
        List<String> openAi = List.of("gpt-5.5", "gpt-5.4", "gpt-5.4-mini", "gpt-5.4-nano", "gpt-5", "gpt-5-2025-08-07",
                "gpt-5-mini", "gpt-5-mini-2025-08-07", "gpt-5-nano", "gpt-5-nano-2025-08-07", "gpt-4.1",
                "gpt-4.1-2025-04-14", "gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "o3",
                "o3-2025-04-16", "o4-mini", "o4-mini-2025-04-16");
        LocalDate day = LocalDate.of(2026, 11, 1);

        anthropic.forEach(model -> assertThat(BOOK.priceOn(Provider.ANTHROPIC, model, day)).as(model).isPresent());
        openAi.forEach(model -> assertThat(BOOK.priceOn(Provider.OPENAI, model, day)).as(model).isPresent());
        assertThat(BOOK.priceOn(Provider.ANTHROPIC, "claude-opus-5", day).orElseThrow().output())
                .isEqualByComparingTo("25");
        assertThat(BOOK.priceOn(Provider.OPENAI, "gpt-5.4-mini", day).orElseThrow().cacheRead())
                .isEqualByComparingTo("0.075");
    }

    private static String usd(Provider provider, String model, String tier, LocalDate day, TokenCounts tokens) {
        Priced priced = BOOK.price(provider, model, tier, day, tokens);
        assertThat(priced.known()).as(priced.unknownReason()).isTrue();
        return priced.amount().stripTrailingZeros().toPlainString();
    }

    static PriceBook shippedBook() {
        PriceBookFile file = PriceBookFile.shipped();
        return PriceBook.of(file.version(), file.rows());
    }
}
