package io.quotah.analytics.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: records end in CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double
 * quotes with its double quotes doubled; null is an empty field. Text the user or a provider chose ({@link #text})
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading single quote, as
 * OWASP advises for exports; numbers, ids and dates are written as they are.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** Marks a field as text from outside (a label, a model name): guarded against formula injection. */
    static Object text(String value) {
        return value == null ? null : new Text(value);
    }

    void record(List<?> fields) {
        try {
            for (int index = 0; index < fields.size(); index++) {
                if (index > 0) {
                    out.write(',');
                }
                Object field = fields.get(index);
                if (field != null) {
                    out.write(escape(field instanceof Text text ? guarded(text.value()) : field.toString()));
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static String guarded(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private record Text(String value) {
    }
}
