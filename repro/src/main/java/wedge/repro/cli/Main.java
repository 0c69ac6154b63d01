package wedge.repro.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

import wedge.repro.run.AgentRefused;
import wedge.repro.run.ChildProcesses;
import wedge.repro.sweep.ResultFile;
import wedge.repro.sweep.ResultFileBusy;

/** The {@code wedge} command. */
@Command(name = "wedge", mixinStandardHelpOptions = true, versionProvider = WedgeVersion.class,
        description = "Reproduces rare races in lock-free memory allocators on the JVM, from a seed, and explains "
                + "the crash.",
        subcommands = {RunCommand.class, SweepCommand.class, VerifyFixCommand.class, MergeCommand.class,
            ReplayCommand.class, MinimizeCommand.class, DumpCommand.class, BenchCommand.class, StressCommand.class,
            AttachCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    private Main() {
    }

    /** Runs {@code wedge} with {@code args} and exits with its status: 0 done, 2 bad usage, 3 tool failure. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Wedge's conventions: bad usage exits 2 with one line, a tool failure 3. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setParameterExceptionHandler((bad, args) -> usageError(bad))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ParameterException bad) {
                        return usageError(bad);
                    }
                    if (ChildProcesses.stopping()) {
                        return ExitCodes.STOPPED;
                    }
                    if (e instanceof AgentRefused refused) {
                        cmd.getErr().println(refused.getMessage());
                        return ExitCodes.USAGE;
                    }
                    if (e instanceof ResultFileBusy busy) {
                        cmd.getErr().println("wedge: " + busy.getMessage());
                        return ExitCodes.USAGE;
                    }
                    // a result that could not be written says which file and what to do: its message is enough
                    cmd.getErr().println("wedge: " + (e instanceof ResultFile.WriteFailed unwritten
                            ? unwritten.getMessage() : e));
                    return ExitCodes.TOOL_FAILED;
                });
    }

    private static int usageError(ParameterException bad) {
        CommandLine cmd = bad.getCommandLine();
        cmd.getErr().println("wedge: " + bad.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        return ExitCodes.USAGE;
    }
}
