package io.quotah.poller.provider.anthropic;

import io.quotah.poller.provider.KeyMask;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an Anthropic API key and Admin key look like, told before any call, and how either is shown. */
final class AnthropicKeys {

    private static final Pattern API_KEY = Pattern.compile("sk-ant-api\\d{2}-[A-Za-z0-9_-]{8,}");
    private static final Pattern ADMIN_KEY = Pattern.compile("sk-ant-admin\\d{2}-[A-Za-z0-9_-]{8,}");

    private AnthropicKeys() {
    }

    static Optional<String> keyFormatProblem(String apiKey) {
        if (ADMIN_KEY.matcher(apiKey).matches()) {
            return Optional.of("is an Admin key (sk-ant-admin...); put it in adminKey and give an API key here");
        }
        return API_KEY.matcher(apiKey).matches() ? Optional.empty()
                : Optional.of("is not an Anthropic API key: they start with sk-ant-api03-");
    }

    static Optional<String> adminKeyFormatProblem(String adminKey) {
        return ADMIN_KEY.matcher(adminKey).matches() ? Optional.empty()
                : Optional.of("is not an Anthropic Admin key: they start with sk-ant-admin01-");
    }

    static String mask(String key) {
        return KeyMask.mask(key, key.startsWith("sk-ant-admin") ? "sk-ant-admin" : "sk-ant-");
    }
}
