package io.quotah.analytics.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quotah.analytics.web.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupByTest {

    @Test
    void reads_groups_in_the_order_given_ignoring_case_spaces_and_repeats() {
        assertThat(GroupBy.parse("model, Key,model", List.of())).containsExactly(GroupBy.MODEL, GroupBy.KEY);
        assertThat(GroupBy.parse("day", List.of())).containsExactly(GroupBy.DAY);
        assertThat(GroupBy.parse(" ", List.of(GroupBy.PROVIDER))).containsExactly(GroupBy.PROVIDER);
        assertThat(GroupBy.parse(null, List.of(GroupBy.PROVIDER))).containsExactly(GroupBy.PROVIDER);
    }

    @Test
    void names_an_unknown_group() {
        assertThatThrownBy(() -> GroupBy.parse("model,team", List.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("groupBy");
                    assertThat(e.getMessage()).contains("'team'", "provider, model, key, day");
                });
        assertThatThrownBy(() -> GroupBy.parse("model,", List.of())).isInstanceOf(InvalidParameterException.class);
    }
}
