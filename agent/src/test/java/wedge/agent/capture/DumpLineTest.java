package wedge.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import wedge.agent.log.LauncherLine;

/** The quoting of the dump line keeps every path and reason on one parseable line. */
class DumpLineTest {
    @Test
    void quotesAsAJsonString() {
        assertEquals("\"/a b/\\\"c\\\"\\\\d\\u000ae\"", LauncherLine.quoted("/a b/\"c\"\\d\ne"));
    }

    @Test
    void leavesPlainTextAlone() {
        assertEquals("\"No space left on device\"", LauncherLine.quoted("No space left on device"));
    }
}
