package wedge.agent.capture;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A part of a dump too large to be built as plain data first: it writes its own JSON value. */
interface StreamedValue {
    /** Writes this value, one complete JSON value, to {@code g}. */
    void writeTo(JsonGenerator g) throws IOException;
}
