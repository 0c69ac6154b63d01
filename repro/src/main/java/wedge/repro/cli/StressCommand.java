package wedge.repro.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import wedge.repro.stress.StressResult;
import wedge.repro.stress.StressRun;

/** {@code wedge stress}: the allocator's self-check, without the agent. */
@Command(name = "stress", mixinStandardHelpOptions = true,
        header = "Exercises the allocator across threads without the agent, checking every block.",
        description = {"Allocates, exchanges and frees blocks across threads directly on the allocator (no agent),",
            "checking every block against a shadow record. Ends with:",
            "  ops=<n> faults=<n> double_alloc=<n> leaked=<n>"})
final class StressCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private AllocatorOptions allocator;

    @Mixin
    private LoadOptions load;

    @Override
    public Integer call() throws InterruptedException {
        StressResult r = new StressRun(allocator.config(), load.threads(spec), Duration.ofSeconds(load.seconds(spec)),
                load.seed()).run();
        spec.commandLine().getOut().println(r.line());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
