package io.quotah.poller.provider.openai;

import io.quotah.poller.provider.KeyMask;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an OpenAI API key and Admin key look like, told before any call, and how either is shown. */
final class OpenAiKeys {

    private static final Pattern API_KEY = Pattern.compile("sk-(?!admin-)[A-Za-z0-9_-]{16,}");
    private static final Pattern ADMIN_KEY = Pattern.compile("sk-admin-[A-Za-z0-9_-]{8,}");

    private OpenAiKeys() {
    }

    static Optional<String> keyFormatProblem(String apiKey) {
        if (ADMIN_KEY.matcher(apiKey).matches()) {
            return Optional.of("is an Admin key (sk-admin-...); put it in adminKey and give an API key here");
        }
        return API_KEY.matcher(apiKey).matches() ? Optional.empty()
                : Optional.of("is not an OpenAI API key: they start with sk-proj- (or sk-)");
    }

    static Optional<String> adminKeyFormatProblem(String adminKey) {
        return ADMIN_KEY.matcher(adminKey).matches() ? Optional.empty()
                : Optional.of("is not an OpenAI Admin key: they start with sk-admin-");
    }

    static String mask(String key) {
        String prefix = key.startsWith("sk-admin-") ? "sk-admin-" : key.startsWith("sk-proj-") ? "sk-proj-"
                : key.startsWith("sk-svcacct-") ? "sk-svcacct-" : "sk-";
        return KeyMask.mask(key, prefix);
    }
}
