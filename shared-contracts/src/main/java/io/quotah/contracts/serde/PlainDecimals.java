package io.quotah.contracts.serde;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes every BigDecimal as a plain decimal, never in exponent form: a gpt-5-nano probe costs $0.00000045, which
 * {@link BigDecimal#toString()} writes as {@code 4.5E-7}, which no schema, spreadsheet or person should have to
 * read. A property shaped as a string ({@code @JsonFormat(shape = STRING)}) stays a string.
 */
public final class PlainDecimals {

    private PlainDecimals() {
    }

    /** The Jackson module: register it on every mapper that writes money or measures. */
    public static SimpleModule module() {
        return new SimpleModule("quotah-plain-decimals").addSerializer(BigDecimal.class, new Serializer(false));
    }

    /**
     * The value as a person writes it: no trailing zeros and no exponent ({@code 85.3000} as {@code 85.3},
     * {@code 500.00} as {@code 500}), null for null.
     */
    public static BigDecimal trimmed(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static final class Serializer extends StdSerializer<BigDecimal> {

        private final boolean asString;

        Serializer(boolean asString) {
            super(BigDecimal.class);
            this.asString = asString;
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
            JsonFormat.Value format = findFormatOverrides(context, property, handledType());
            boolean string = format != null && format.getShape() == JsonFormat.Shape.STRING;
            return string == asString ? this : new Serializer(string);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            if (asString) {
                generator.writeString(value.toPlainString());
            } else {
                generator.writeNumber(value.toPlainString());
            }
        }
    }
}
