package io.quotah.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writes_rfc_4180_records_ending_in_crlf_and_quoting_only_what_must_be() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);

        csv.record(List.of("a", "b"));
        csv.record(Arrays.asList("plain", null, "with,comma", "say \"hi\"", "two\r\nlines", "lf\nonly", 12, true));

        assertThat(out.toString()).isEqualTo("a,b\r\n"
                + "plain,,\"with,comma\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"lf\nonly\",12,true\r\n");
    }

    @Test
    void guards_outside_text_that_a_spreadsheet_would_run_as_a_formula_but_not_numbers() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);

        csv.record(Arrays.asList(CsvWriter.text("=HYPERLINK(\"x\")"), CsvWriter.text("@sum"), CsvWriter.text("prod"),
                "-1.25", CsvWriter.text(null)));

        assertThat(out.toString()).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'@sum,prod,-1.25,\r\n");
    }
}
