package io.quotah.contracts.events;

/** The AI providers Quotah watches. Gemini and Cohere are named now so events need no new version later. */
public enum Provider {
    ANTHROPIC,
    OPENAI,
    GEMINI,
    COHERE
}
