package io.quotah.alert.rules;

import io.quotah.contracts.events.AlertRaised.AlertKind;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AlertRuleRepository extends JpaRepository<AlertRule, UUID> {

    List<AlertRule> findByWorkspaceIdOrderByCreatedAtAscIdAsc(String workspaceId);

    Optional<AlertRule> findByIdAndWorkspaceId(UUID id, String workspaceId);

    List<AlertRule> findByWorkspaceIdAndEnabledTrueAndKindIn(String workspaceId, Collection<AlertKind> kinds);

    List<AlertRule> findByEnabledTrueAndKindIn(Collection<AlertKind> kinds);

    long countByWorkspaceId(String workspaceId);

    @Modifying
    @Query("DELETE FROM AlertRule rule WHERE rule.workspaceId = :workspaceId")
    int deleteByWorkspace(String workspaceId);
}
