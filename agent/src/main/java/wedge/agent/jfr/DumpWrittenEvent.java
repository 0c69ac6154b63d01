package wedge.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A dump file is complete on disk; its duration spans the snapshot and the writing of the files. */
@Name("wedge.DumpWritten")
@Label("Wedge Dump Written")
@Category("Wedge")
@Description("The Wedge agent wrote a dump")
@StackTrace(false)
public final class DumpWrittenEvent extends jdk.jfr.Event {
    /** The dump's JSON file. */
    @Label("Path")
    public String path;

    /** {@code fault} or {@code hang}. */
    @Label("Kind")
    public String kind;

    /** The seed of the run. */
    @Label("Seed")
    public long seed;

    /**
     * An event begun now, to be ended with {@link #ended} once the dump is on disk. Call only once
     * {@link JfrState#started()}: this loads the event class.
     */
    public static DumpWrittenEvent begun() {
        DumpWrittenEvent event = new DumpWrittenEvent();
        event.begin();
        return event;
    }

    /** Ends the event now and commits it if a recording asks for it. */
    public void ended(String path, String kind, long seed) {
        end();
        if (shouldCommit()) {
            this.path = path;
            this.kind = kind;
            this.seed = seed;
            commit();
        }
    }
}
