package wedge.repro.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import wedge.repro.stress.StressResult;
import wedge.repro.stress.StressRun;

/** {@code wedge stress}: the allocator's self-check, without the agent. */
@Command(name = "stress", mixinStandardHelpOptions = true,
        description = {"Allocates, exchanges and frees blocks across threads directly on the allocator (no agent),",
            "checking every block against a shadow record. Ends with:",
            "  ops=<n> faults=<n> double_alloc=<n> leaked=<n>"})
final class StressCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private AllocatorOptions allocator;

    @Option(names = "--threads", defaultValue = "4", description = "worker threads (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = "--seconds", defaultValue = "10", description = "run time (default: ${DEFAULT-VALUE})")
    private int seconds;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws InterruptedException {
        Usage.require(spec, threads >= 1 && threads <= 256, "--threads must be 1..256, not " + threads);
        Usage.require(spec, seconds >= 1, "--seconds must be at least 1, not " + seconds);
        StressResult r = new StressRun(allocator.config(), threads, Duration.ofSeconds(seconds), seed).run();
        spec.commandLine().getOut().println(r.line());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
