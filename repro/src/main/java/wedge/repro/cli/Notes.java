package wedge.repro.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

import picocli.CommandLine.Model.CommandSpec;

/** Where a command says, between its progress lines, what happened to a run that the user should know of. */
final class Notes {
    private Notes() {
    }

    /** Lines to {@code cmd}'s stderr, whole, from any thread. */
    static Consumer<String> to(CommandSpec cmd) {
        PrintWriter err = cmd.commandLine().getErr();
        return line -> {
            synchronized (err) {
                err.println("wedge: " + line);
                err.flush();
            }
        };
    }
}
