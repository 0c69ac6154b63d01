package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import wedge.repro.minimize.ScheduleScript;
import wedge.repro.run.RunSpec;

/**
 * The script {@code wedge minimize} writes: rewritten whole, by a rename, each time a smaller schedule still faults,
 * so the file always holds a script that replays the fault, however the search ends (done, out of budget,
 * interrupted).
 */
final class MinimizedScript {
    private final Path file;
    private final Path dump;
    private final int recordedSteps;
    private final String signature;
    private final RunSpec run;
    private volatile int kept = -1;

    /**
     * @param file          where it goes
     * @param dump          the dump whose schedule is minimised
     * @param recordedSteps the steps of that schedule
     * @param signature     the fault every script written reproduces
     * @param run           the recorded case
     */
    MinimizedScript(Path file, Path dump, int recordedSteps, String signature, RunSpec run) {
        this.file = file;
        this.dump = dump;
        this.recordedSteps = recordedSteps;
        this.signature = signature;
        this.run = run;
    }

    /** Writes {@code steps}, found to fault after {@code runs} runs; {@code done} when the search has ended. */
    void write(List<String> steps, int runs, boolean done) throws IOException {
        List<String> header = List.of(
                "Minimised by wedge minimize from " + dump.toAbsolutePath() + " (" + steps.size() + " of "
                        + recordedSteps + " steps kept after " + runs + " runs" + (done ? "" : ", still searching")
                        + "): still faults " + signature + ".",
                "Run it: " + command(),
                "Each step: THREAD to POINT at HIT (docs/AGENT.md, \"Scripts\"); between steps the running thread runs on.");
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, ScheduleScript.render(header, steps));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        kept = steps.size();
    }

    /** The steps of the last script written, -1 before the first. */
    int kept() {
        return kept;
    }

    /** The file. */
    Path file() {
        return file;
    }

    /** The command that runs the script. */
    String command() {
        return "scripts/wedge run " + run.withScript(file.toAbsolutePath()).caseKey() + " --seed " + run.seed();
    }
}
