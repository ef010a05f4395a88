package io.quotah.alert.rules;

import java.util.List;
import java.util.Map;

/** A rule request with wrong fields: answered as a 400 naming each. */
public class InvalidRuleException extends RuntimeException {

    private final transient List<RuleInput.FieldProblem> problems;

    InvalidRuleException(List<RuleInput.FieldProblem> problems) {
        super("invalid alert rule: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Map<String, String>> errors() {
        return problems.stream().map(RuleInput.FieldProblem::asMap).toList();
    }
}
