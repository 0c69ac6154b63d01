package wedge.agent.capture;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The dump's JSON writer: Jackson's streaming generator, compact, straight to the file. The document is plain data
 * (maps, lists, arrays, strings, numbers, booleans, null), walked here as it is; the one large part, the event ring,
 * is a {@link StreamedValue} that writes itself, so no tree is built on the way to the disk.
 *
 * <p>Why no data binding: a cold {@code ObjectMapper} loads some hundreds of classes and builds its serializers
 * while every other thread is held and the user waits for the run to end; the generator is a few dozen classes.
 */
final class DumpJson {
    /** Configured once, then only read: a factory is then safe to share between threads. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private DumpJson() {
    }

    /** Writes {@code document} to {@code out} as compact UTF-8 JSON; {@code out} is flushed, not closed. */
    static void write(Map<String, Object> document, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            value(g, document);
        }
    }

    /**
     * Writes one value of plain data. Anything else the snapshot method may hand back is written as its
     * {@code toString()}, a string: a dump must be written whatever the target returned.
     */
    static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof StreamedValue s) {
            s.writeTo(g);
        } else if (v instanceof Number n) {
            number(g, n);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v.getClass().isArray()) {
            array(g, v);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private static void number(JsonGenerator g, Number n) throws IOException {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            g.writeNumber(n.longValue());
        } else if (n instanceof Double d) {
            g.writeNumber(d);
        } else if (n instanceof Float f) {
            g.writeNumber(f);
        } else if (n instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (n instanceof BigDecimal b) {
            g.writeNumber(b);
        } else {
            g.writeNumber(n.toString());
        }
    }

    private static void array(JsonGenerator g, Object array) throws IOException {
        if (array instanceof char[] chars) {
            g.writeString(new String(chars));
            return;
        }
        g.writeStartArray();
        for (int i = 0, n = Array.getLength(array); i < n; i++) {
            value(g, Array.get(array, i));
        }
        g.writeEndArray();
    }
}
