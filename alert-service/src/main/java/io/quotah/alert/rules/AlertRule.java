package io.quotah.alert.rules;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import io.quotah.contracts.events.AlertRaised.Channel;
import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A workspace's alert rule: what to watch, when it counts as crossed, and whom to tell. The fields of other kinds
 * stay empty; {@link RuleSpec} holds the checked settings a rule is made from.
 */
@Entity
@Table(name = "alert_rule")
public class AlertRule {

    @Id
    private UUID id;
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private AlertKind kind;
    private boolean enabled;
    @Column(name = "connection_id")
    private UUID connectionId;
    @Enumerated(EnumType.STRING)
    private Provider provider;
    @Enumerated(EnumType.STRING)
    @Column(name = "window_kind")
    private WindowKind windowKind;
    private String model;
    @Column(name = "threshold_percent")
    private BigDecimal thresholdPercent;
    @Column(name = "critical_percent")
    private BigDecimal criticalPercent;
    @Column(name = "forecast_minutes")
    private Integer forecastMinutes;
    @Column(name = "budget_amount")
    private BigDecimal budgetAmount;
    @Enumerated(EnumType.STRING)
    @Column(name = "budget_period")
    private BudgetPeriod budgetPeriod;
    @Convert(converter = CommaList.Percents.class)
    @Column(name = "budget_thresholds")
    private List<Integer> budgetThresholds = new ArrayList<>();
    @Column(name = "spike_factor")
    private BigDecimal spikeFactor;
    @Column(name = "spike_floor")
    private BigDecimal spikeFloor;
    @Convert(converter = CommaList.Problems.class)
    private Set<KeyProblem> problems;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alert_rule_channel", joinColumns = @JoinColumn(name = "rule_id"))
    @OrderColumn(name = "position")
    private List<RuleChannel> channels = new ArrayList<>();
    @Column(name = "cooldown_minutes")
    private int cooldownMinutes;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected AlertRule() {
    }

    AlertRule(String workspaceId, RuleSpec spec, Instant now, Function<String, String> newSecret) {
        this.id = UUID.randomUUID();
        this.workspaceId = workspaceId;
        this.kind = spec.kind();
        this.createdAt = now;
        apply(spec, now, newSecret);
    }

    /**
     * Takes every setting of {@code spec}. A webhook that keeps its URL keeps its secret; a new one gets a secret
     * from {@code newSecret}.
     */
    void apply(RuleSpec spec, Instant now, Function<String, String> newSecret) {
        this.name = spec.name();
        this.enabled = spec.enabled();
        this.connectionId = spec.connectionId();
        this.provider = spec.provider();
        this.windowKind = spec.windowKind();
        this.model = spec.model();
        this.thresholdPercent = spec.thresholdPercent();
        this.criticalPercent = spec.criticalPercent();
        this.forecastMinutes = spec.forecastMinutes();
        this.budgetAmount = spec.budgetAmount();
        this.budgetPeriod = spec.budgetPeriod();
        this.budgetThresholds = new ArrayList<>(spec.budgetThresholds());
        this.spikeFactor = spec.spikeFactor();
        this.spikeFloor = spec.spikeFloor();
        this.problems = spec.problems();
        this.cooldownMinutes = spec.cooldownMinutes();
        Map<String, String> keptSecrets = channels.stream().filter(channel -> channel.type() == Channel.WEBHOOK)
                .collect(Collectors.toMap(RuleChannel::target, RuleChannel::signingSecret, (a, b) -> a));
        List<RuleChannel> next = new ArrayList<>();
        for (RuleSpec.ChannelSpec channel : spec.channels()) {
            String secret = channel.type() != Channel.WEBHOOK ? null
                    : keptSecrets.containsKey(channel.target()) ? keptSecrets.get(channel.target())
                    : newSecret.apply(channel.target());
            next.add(new RuleChannel(channel.type(), channel.target(), secret));
        }
        this.channels.clear();
        this.channels.addAll(next);
        this.updatedAt = now;
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    /** The settings as a spec, to change some and check the whole again. */
    RuleSpec spec() {
        return new RuleSpec(name, kind, enabled, connectionId, provider, windowKind, model, thresholdPercent,
                criticalPercent, forecastMinutes, budgetAmount, budgetPeriod, List.copyOf(budgetThresholds),
                spikeFactor, spikeFloor, problems, channels.stream()
                        .map(channel -> new RuleSpec.ChannelSpec(channel.type(), channel.target())).toList(),
                cooldownMinutes);
    }

    public UUID id() { return id; }
    public String workspaceId() { return workspaceId; }
    public String name() { return name; }
    public AlertKind kind() { return kind; }
    public boolean enabled() { return enabled; }
    public UUID connectionId() { return connectionId; }
    public Provider provider() { return provider; }
    public WindowKind windowKind() { return windowKind; }
    public String model() { return model; }
    public BigDecimal thresholdPercent() { return thresholdPercent; }
    public BigDecimal criticalPercent() { return criticalPercent; }
    public Integer forecastMinutes() { return forecastMinutes; }
    public BigDecimal budgetAmount() { return budgetAmount; }
    public BudgetPeriod budgetPeriod() { return budgetPeriod; }
    public List<Integer> budgetThresholds() { return List.copyOf(budgetThresholds); }
    public BigDecimal spikeFactor() { return spikeFactor; }
    public BigDecimal spikeFloor() { return spikeFloor; }
    public Set<KeyProblem> problems() { return problems == null ? Set.of() : Set.copyOf(problems); }
    public List<RuleChannel> channels() { return List.copyOf(channels); }
    public Duration cooldown() { return Duration.ofMinutes(cooldownMinutes); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    /** Whether the rule watches this key: every key, or the one it names. */
    public boolean watches(UUID connection) {
        return connectionId == null || connectionId.equals(connection);
    }
}
