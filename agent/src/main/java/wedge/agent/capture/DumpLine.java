package wedge.agent.capture;

import java.nio.file.Path;
import wedge.agent.log.LauncherLine;
import wedge.contract.Hex;

/**
 * The one line on stderr that tells a launcher what became of a dump, whatever the log settings:
 * <pre>
 * wedge-agent: dump-written kind=fault path="/abs/dumps/wedge-fault-20261125-194500-4242.json"
 * wedge-agent: dump-unwritten kind=fault dir="/abs/dumps" reason="No space left on device" type=wedge.allocator.SegmentationFault address=0x6261
 * </pre>
 * Quoted values are escaped as {@link LauncherLine} says. The format is documented in docs/AGENT.md.
 */
final class DumpLine {
    private DumpLine() {
    }

    /** The dump of {@code kind} is at {@code json}. */
    static void written(String kind, Path json) {
        LauncherLine.print("dump-written kind=" + kind + " path=" + LauncherLine.quoted(json.toAbsolutePath().toString()));
    }

    /**
     * The dump of {@code kind} could not be written to {@code dir}, for {@code reason}; a fault's type and address
     * go on the line too, so the launcher can still say what kind of fault it was.
     *
     * @param fault the fault, or null for a hang
     */
    static void unwritten(String kind, Path dir, String reason, FaultRecord fault) {
        StringBuilder line = new StringBuilder("dump-unwritten kind=").append(kind).append(" dir=")
                .append(LauncherLine.quoted(dir.toAbsolutePath().toString())).append(" reason=").append(LauncherLine.quoted(reason));
        if (fault != null) {
            line.append(" type=").append(fault.type());
            Long address = fault.address();
            if (address != null) {
                line.append(" address=").append(Hex.of(address));
            }
        }
        LauncherLine.print(line.toString());
    }

}
