package io.quotah.alert.rules;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Short lists kept in one text column: budget thresholds and key problems never need querying one by one. */
final class CommaList {

    private CommaList() {
    }

    @Converter
    static final class Percents implements AttributeConverter<List<Integer>, String> {

        @Override
        public String convertToDatabaseColumn(List<Integer> values) {
            return values == null || values.isEmpty() ? null
                    : values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }

        @Override
        public List<Integer> convertToEntityAttribute(String column) {
            return column == null || column.isBlank() ? List.of()
                    : Arrays.stream(column.split(",")).map(Integer::valueOf).toList();
        }
    }

    @Converter
    static final class Problems implements AttributeConverter<Set<KeyProblem>, String> {

        @Override
        public String convertToDatabaseColumn(Set<KeyProblem> values) {
            return values == null || values.isEmpty() ? null
                    : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        }

        @Override
        public Set<KeyProblem> convertToEntityAttribute(String column) {
            Set<KeyProblem> problems = EnumSet.noneOf(KeyProblem.class);
            if (column != null && !column.isBlank()) {
                Arrays.stream(column.split(",")).map(KeyProblem::valueOf).forEach(problems::add);
            }
            return problems;
        }
    }
}
