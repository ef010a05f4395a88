package io.quotah.alert.rules;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A rule as a request states it: every field optional on the wire, checked as a whole by {@link #check} so that
 * each wrong field is named, with the kind's own fields required and the others' refused.
 */
record RuleInput(
        String name,
        AlertKind kind,
        Boolean enabled,
        UUID connectionId,
        Provider provider,
        WindowKind windowKind,
        String model,
        BigDecimal thresholdPercent,
        BigDecimal criticalPercent,
        Integer forecastMinutes,
        BigDecimal budgetAmount,
        BudgetPeriod budgetPeriod,
        List<Integer> budgetThresholds,
        BigDecimal spikeFactor,
        BigDecimal spikeFloor,
        Set<KeyProblem> problems,
        List<ChannelInput> channels,
        Integer cooldownMinutes) {

    static final int DEFAULT_COOLDOWN_MINUTES = 60;
    static final BigDecimal DEFAULT_CRITICAL_PERCENT = new BigDecimal("95");
    static final List<Integer> DEFAULT_BUDGET_THRESHOLDS = List.of(80, 100);
    static final BigDecimal DEFAULT_SPIKE_FLOOR = new BigDecimal("1.00");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("100000000");
    private static final BigDecimal LARGEST_FACTOR = new BigDecimal("1000");
    /** An address a mail server would take: one @, a dot in the domain, no spaces or angle brackets. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]+");

    record ChannelInput(Channel type, String target) {
    }

    /**
     * Checks the request as a whole rule.
     *
     * @param allowHttpLocalhost whether a webhook may be plain http to this machine (development only)
     * @throws InvalidRuleException naming every wrong field
     */
    RuleSpec check(boolean allowHttpLocalhost) {
        List<FieldProblem> wrong = new ArrayList<>();
        String trimmedName = name == null ? null : name.strip();
        if (trimmedName == null || trimmedName.isEmpty()) {
            wrong.add(new FieldProblem("name", "is required"));
        } else if (trimmedName.length() > 100) {
            wrong.add(new FieldProblem("name", "is at most 100 characters"));
        }
        if (kind == null) {
            wrong.add(new FieldProblem("kind",
                    "is required: RATE_LIMIT, EXHAUSTION_FORECAST, BUDGET, SPEND_SPIKE or KEY_PROBLEM"));
            throw new InvalidRuleException(wrong);
        }
        String trimmedModel = model == null || model.isBlank() ? null : model.strip();
        if (trimmedModel != null && trimmedModel.length() > 200) {
            wrong.add(new FieldProblem("model", "is at most 200 characters"));
        }
        boolean windows = kind == AlertKind.RATE_LIMIT || kind == AlertKind.EXHAUSTION_FORECAST;
        boolean spend = kind == AlertKind.BUDGET || kind == AlertKind.SPEND_SPIKE;
        refuseUnless(windows, "windowKind", windowKind, wrong);
        refuseUnless(windows, "model", trimmedModel, wrong);
        refuseUnless(spend, "provider", provider, wrong);

        BigDecimal threshold = null;
        BigDecimal critical = null;
        Integer forecast = null;
        BigDecimal amount = null;
        BudgetPeriod period = null;
        List<Integer> thresholds = List.of();
        BigDecimal factor = null;
        BigDecimal floor = null;
        Set<KeyProblem> keyProblems = null;
        switch (kind) {
            case RATE_LIMIT -> {
                threshold = required("thresholdPercent", thresholdPercent, wrong);
                if (threshold != null && (threshold.compareTo(BigDecimal.ONE) < 0 || threshold.compareTo(HUNDRED) > 0)) {
                    wrong.add(new FieldProblem("thresholdPercent", "is a percent from 1 to 100"));
                }
                critical = criticalPercent != null ? criticalPercent
                        : threshold == null ? DEFAULT_CRITICAL_PERCENT
                        : DEFAULT_CRITICAL_PERCENT.max(threshold).min(HUNDRED);
                if (critical.compareTo(HUNDRED) > 0
                        || criticalPercent != null && threshold != null && critical.compareTo(threshold) < 0) {
                    wrong.add(new FieldProblem("criticalPercent", "is a percent from thresholdPercent to 100"));
                }
            }
            case EXHAUSTION_FORECAST -> {
                forecast = required("forecastMinutes", forecastMinutes, wrong);
                if (forecast != null && (forecast < 1 || forecast > 1440)) {
                    wrong.add(new FieldProblem("forecastMinutes", "is from 1 to 1440 minutes"));
                }
            }
            case BUDGET -> {
                amount = required("budgetAmount", budgetAmount, wrong);
                if (amount != null && (amount.signum() <= 0 || amount.compareTo(LARGEST_AMOUNT) > 0
                        || amount.stripTrailingZeros().scale() > 6)) {
                    wrong.add(new FieldProblem("budgetAmount",
                            "is an amount in USD above 0, at most 100000000, with at most 6 decimals"));
                }
                period = budgetPeriod == null ? BudgetPeriod.MONTH : budgetPeriod;
                thresholds = budgetThresholds == null ? DEFAULT_BUDGET_THRESHOLDS : budgetThresholds;
                if (thresholds.isEmpty() || thresholds.size() > 10 || thresholds.stream().anyMatch(Objects::isNull)
                        || new HashSet<>(thresholds).size() != thresholds.size()
                        || thresholds.stream().anyMatch(percent -> percent < 1 || percent > 1000)) {
                    wrong.add(new FieldProblem("budgetThresholds",
                            "is 1 to 10 different whole percents, each from 1 to 1000"));
                } else {
                    thresholds = thresholds.stream().sorted().toList();
                }
            }
            case SPEND_SPIKE -> {
                factor = required("spikeFactor", spikeFactor, wrong);
                if (factor != null && (factor.compareTo(BigDecimal.ONE) <= 0 || factor.compareTo(LARGEST_FACTOR) > 0
                        || factor.stripTrailingZeros().scale() > 4)) {
                    wrong.add(new FieldProblem("spikeFactor", "is above 1 and at most 1000, with at most 4 decimals"));
                }
                floor = spikeFloor == null ? DEFAULT_SPIKE_FLOOR : spikeFloor;
                if (floor.signum() < 0 || floor.compareTo(LARGEST_AMOUNT) > 0 || floor.stripTrailingZeros().scale() > 6) {
                    wrong.add(new FieldProblem("spikeFloor", "is an amount in USD, 0 or more, with at most 6 decimals"));
                }
            }
            case KEY_PROBLEM -> {
                keyProblems = problems() == null ? EnumSet.allOf(KeyProblem.class) : EnumSet.noneOf(KeyProblem.class);
                if (problems() != null) {
                    keyProblems.addAll(problems());
                    if (keyProblems.isEmpty()) {
                        wrong.add(new FieldProblem("problems", "names at least one of INVALID, OUT_OF_QUOTA, STALE"));
                    }
                }
            }
        }
        refuseUnless(kind == AlertKind.RATE_LIMIT, "thresholdPercent", thresholdPercent, wrong);
        refuseUnless(kind == AlertKind.RATE_LIMIT, "criticalPercent", criticalPercent, wrong);
        refuseUnless(kind == AlertKind.EXHAUSTION_FORECAST, "forecastMinutes", forecastMinutes, wrong);
        refuseUnless(kind == AlertKind.BUDGET, "budgetAmount", budgetAmount, wrong);
        refuseUnless(kind == AlertKind.BUDGET, "budgetPeriod", budgetPeriod, wrong);
        refuseUnless(kind == AlertKind.BUDGET, "budgetThresholds", budgetThresholds, wrong);
        refuseUnless(kind == AlertKind.SPEND_SPIKE, "spikeFactor", spikeFactor, wrong);
        refuseUnless(kind == AlertKind.SPEND_SPIKE, "spikeFloor", spikeFloor, wrong);
        refuseUnless(kind == AlertKind.KEY_PROBLEM, "problems", problems(), wrong);

        List<RuleSpec.ChannelSpec> checkedChannels = channels(allowHttpLocalhost, wrong);
        int cooldown = cooldownMinutes == null ? DEFAULT_COOLDOWN_MINUTES : cooldownMinutes;
        if (cooldown < 1 || cooldown > 10080) {
            wrong.add(new FieldProblem("cooldownMinutes", "is from 1 to 10080 minutes (a week)"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidRuleException(wrong);
        }
        return new RuleSpec(trimmedName, kind, enabled == null || enabled, connectionId, provider, windowKind,
                trimmedModel, threshold, critical, forecast, amount, period, thresholds, factor, floor, keyProblems,
                checkedChannels, cooldown);
    }

    private List<RuleSpec.ChannelSpec> channels(boolean allowHttpLocalhost, List<FieldProblem> problems) {
        if (channels == null || channels.isEmpty() || channels.size() > 10) {
            problems.add(new FieldProblem("channels", "is 1 to 10 channels"));
            return List.of();
        }
        List<RuleSpec.ChannelSpec> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelInput channel = channels.get(i);
            String field = "channels[" + i + "]";
            if (channel == null || channel.type() == null) {
                problems.add(new FieldProblem(field + ".type", "is required: EMAIL, SLACK, DISCORD or WEBHOOK"));
                continue;
            }
            String target = channel.target() == null ? "" : channel.target().strip();
            String wrong = channel.type() == Channel.EMAIL ? emailProblem(target)
                    : urlProblem(target, allowHttpLocalhost);
            if (wrong != null) {
                problems.add(new FieldProblem(field + ".target", wrong));
                continue;
            }
            String normalized = channel.type() == Channel.EMAIL ? target.toLowerCase(Locale.ROOT) : target;
            if (!seen.add(channel.type() + " " + normalized)) {
                problems.add(new FieldProblem(field + ".target", "is already a channel of this rule"));
                continue;
            }
            checked.add(new RuleSpec.ChannelSpec(channel.type(), normalized));
        }
        return checked;
    }

    private static String emailProblem(String target) {
        return target.length() <= 254 && EMAIL.matcher(target).matches() ? null : "is not an email address";
    }

    private static String urlProblem(String target, boolean allowHttpLocalhost) {
        if (target.length() > 2000) {
            return "is at most 2000 characters";
        }
        try {
            URI uri = new URI(target);
            String host = uri.getHost();
            if (host == null || uri.getScheme() == null) {
                return "is not a URL";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            if (scheme.equals("https") || scheme.equals("http") && local && allowHttpLocalhost) {
                return null;
            }
            return allowHttpLocalhost ? "must be an https URL (http only for localhost)" : "must be an https URL";
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
    }

    private static <T> T required(String field, T value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required for this kind of rule"));
        }
        return value;
    }

    private void refuseUnless(boolean belongs, String field, Object value, List<FieldProblem> problems) {
        if (!belongs && value != null && problems.stream().noneMatch(problem -> problem.field().equals(field))) {
            problems.add(new FieldProblem(field, "does not apply to a " + kind + " rule"));
        }
    }

    /** The same request for a rule of {@code ruleKind}: a whole rule sent again need not repeat its kind. */
    RuleInput ofKind(AlertKind ruleKind) {
        return new RuleInput(name, ruleKind, enabled, connectionId, provider, windowKind, model, thresholdPercent,
                criticalPercent, forecastMinutes, budgetAmount, budgetPeriod, budgetThresholds, spikeFactor, spikeFloor,
                problems, channels, cooldownMinutes);
    }

    /** The request with {@code changes}' non-null fields put over this one's, for a partial update. */
    RuleInput with(RuleChanges changes) {
        return new RuleInput(
                changes.name() != null ? changes.name() : name, kind,
                changes.enabled() != null ? changes.enabled() : enabled,
                connectionId, provider, windowKind, model,
                changes.thresholdPercent() != null ? changes.thresholdPercent() : thresholdPercent,
                changes.criticalPercent() != null ? changes.criticalPercent() : criticalPercent,
                changes.forecastMinutes() != null ? changes.forecastMinutes() : forecastMinutes,
                changes.budgetAmount() != null ? changes.budgetAmount() : budgetAmount,
                changes.budgetPeriod() != null ? changes.budgetPeriod() : budgetPeriod,
                changes.budgetThresholds() != null ? changes.budgetThresholds() : budgetThresholds,
                changes.spikeFactor() != null ? changes.spikeFactor() : spikeFactor,
                changes.spikeFloor() != null ? changes.spikeFloor() : spikeFloor,
                changes.problems() != null ? changes.problems() : problems,
                changes.channels() != null ? changes.channels() : channels,
                changes.cooldownMinutes() != null ? changes.cooldownMinutes() : cooldownMinutes);
    }

    static RuleInput of(RuleSpec spec) {
        return new RuleInput(spec.name(), spec.kind(), spec.enabled(), spec.connectionId(), spec.provider(),
                spec.windowKind(), spec.model(), spec.thresholdPercent(), spec.criticalPercent(),
                spec.forecastMinutes(), spec.budgetAmount(), spec.budgetPeriod(),
                spec.kind() == AlertKind.BUDGET ? spec.budgetThresholds() : null, spec.spikeFactor(),
                spec.spikeFloor(), spec.kind() == AlertKind.KEY_PROBLEM ? spec.problems() : null,
                spec.channels().stream().map(channel -> new ChannelInput(channel.type(), channel.target())).toList(),
                spec.cooldownMinutes());
    }

    /** A field that is wrong, and why; what a 400 lists. */
    record FieldProblem(String field, String message) {

        Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }
    }
}
