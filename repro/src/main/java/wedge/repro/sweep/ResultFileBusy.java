package wedge.repro.sweep;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another sweep holds the result file: bad usage, not a failure of the tool (exit 2). */
public final class ResultFileBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResultFileBusy(Path file, OptionalLong holder) {
        super("--out " + file + " is being written by another sweep ("
                + (holder.isPresent() ? "pid " + holder.getAsLong() : "its pid is not known here")
                + "): wait for it to end, stop it, or give another --out");
    }
}
