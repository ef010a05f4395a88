package io.quotah.analytics.usage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows gathered column by column and sent as one text array per column, for a statement that unnests them: one
 * round trip and one statement for a whole batch, whatever its size. Values travel as their text form and are cast
 * by the statement (instants as ISO-8601 UTC, decimals in plain notation, so nothing is lost).
 */
final class TextColumns {

    private final String[][] columns;
    private int rows;

    TextColumns(int width, int capacity) {
        columns = new String[width][capacity];
    }

    void row(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("expected " + columns.length + " values, got " + values.length);
        }
        for (int column = 0; column < values.length; column++) {
            columns[column][rows] = text(values[column]);
        }
        rows++;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    void execute(JdbcTemplate template, String sql) {
        template.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int column = 0; column < columns.length; column++) {
                statement.setArray(column + 1, connection.createArrayOf("text", Arrays.copyOf(columns[column], rows)));
            }
            return statement;
        });
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
