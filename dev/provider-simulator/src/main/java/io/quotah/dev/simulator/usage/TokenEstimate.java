package io.quotah.dev.simulator.usage;

/**
 * Deterministic token counts from text: four characters a token, the usual rule of thumb. Real tokenizers
 * differ; tests need the same text to cost the same tokens every time, not the exact real number.
 */
public final class TokenEstimate {

    private TokenEstimate() {
    }

    public static long tokens(long characters) {
        return characters / 4;
    }

    /** A request always costs at least one input token. */
    public static long requestTokens(long characters) {
        return Math.max(1, tokens(characters));
    }

    /** Reply text of exactly {@code tokens} estimated tokens. */
    public static String replyText(long tokens) {
        String phrase = "This is a simulated reply from the Quotah provider simulator. ";
        StringBuilder text = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, tokens * 4));
        while (text.length() < tokens * 4) {
            text.append(phrase);
        }
        text.setLength((int) (tokens * 4));
        return text.toString();
    }
}
