package wedge.agent.capture;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import wedge.agent.points.Point;
import wedge.agent.runtime.Event;
import wedge.contract.Hex;

/**
 * The dump's {@code events}, written straight from the events read back from the ring: at 16k events they are most
 * of the dump, and one map per event would cost more than writing the event. Fields and their order are those of
 * docs/DUMP-FORMAT.md, "event".
 */
final class RingEvents implements StreamedValue {
    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString THREAD = new SerializedString("thread");
    private static final SerializedString POINT = new SerializedString("point");
    private static final SerializedString SITE = new SerializedString("site");
    private static final SerializedString LABEL = new SerializedString("label");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString VALUE_HEX = new SerializedString("valueHex");
    private static final SerializedString NANOS = new SerializedString("nanos");

    private final List<Event> events;
    private final List<Point> points;
    private final Labels labels;
    // A ring repeats a few dozen points, sites and subjects thousands of times: each is encoded once.
    private final Map<String, SerializedString> sites = new HashMap<>();
    private final Map<Object, SerializedString> subjects = new IdentityHashMap<>();
    private final SerializedString[] pointNames;

    RingEvents(List<Event> events, List<Point> points, Labels labels) {
        this.events = events;
        this.points = points;
        this.labels = labels;
        this.pointNames = new SerializedString[points.size()];
        for (int i = 0; i < pointNames.length; i++) {
            pointNames[i] = new SerializedString(points.get(i).name());
        }
    }

    @Override
    public void writeTo(JsonGenerator g) throws IOException {
        g.writeStartArray(events, events.size());
        for (Event e : events) {
            write(g, e);
        }
        g.writeEndArray();
    }

    /** One event; a method of its own so that it is compiled after a few hundred events, not run interpreted. */
    private void write(JsonGenerator g, Event e) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SEQ);
        g.writeNumber(e.seq());
        g.writeFieldName(THREAD);
        g.writeNumber(e.thread());
        g.writeFieldName(POINT);
        g.writeString(pointNames[e.point()]);
        g.writeFieldName(SITE);
        string(g, encodedSite(e.site()));
        g.writeFieldName(LABEL);
        string(g, encodedLabel(e.subject()));
        g.writeFieldName(VALUE);
        g.writeNumber(e.value());
        g.writeFieldName(VALUE_HEX);
        g.writeString(Hex.of(e.value()));
        g.writeFieldName(NANOS);
        g.writeNumber(e.nanos());
        g.writeEndObject();
    }

    private SerializedString encodedSite(String site) {
        SerializedString s = sites.get(site);
        if (s == null && site != null) {
            s = new SerializedString(Sites.shorten(site));
            sites.put(site, s);
        }
        return s;
    }

    private SerializedString encodedLabel(Object subject) {
        if (subject == null) {
            return null;
        }
        SerializedString s = subjects.get(subject);
        if (s == null) {
            String label = labels.of(subject);
            s = label == null ? null : new SerializedString(label);
            subjects.put(subject, s);
        }
        return s;
    }

    private static void string(JsonGenerator g, SerializedString s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }

    /** The last {@code n} events, or all when there are fewer. */
    List<Event> last(int n) {
        return events.subList(Math.max(0, events.size() - n), events.size());
    }

    int size() {
        return events.size();
    }

    /** The event's point name. */
    String point(Event e) {
        return points.get(e.point()).name();
    }

    /** The event's site, {@code Class#method}. */
    String site(Event e) {
        return Sites.shorten(e.site());
    }

    /** The event's subject label, null for none. */
    String label(Event e) {
        return labels.of(e.subject());
    }
}
