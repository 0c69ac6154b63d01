package wedge.repro.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import wedge.allocator.AllocatorConfig;
import wedge.allocator.TinyHeap;
import wedge.repro.workload.Workloads;

/**
 * A JVM to attach the agent to while it runs: it works the allocator first (strict Larson for a second, so the
 * allocator's classes are loaded and compiled before the agent rewrites them), prints {@code ready}, and runs the
 * workload its arguments name (as {@link WorkloadMain}) once a line arrives on stdin: the test sends it when the
 * attach has returned, so the fault to come is one the attached agent sees.
 */
public final class AttachTarget {
    private AttachTarget() {
    }

    public static void main(String[] args) throws Exception {
        Workloads.create("larson", new TinyHeap(AllocatorConfig.preset("strict")), List.of("1", "8", "128", "1024", "1", "1", "2"),
                2, 1, 1).run();
        System.out.println("ready");
        System.out.flush();
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            System.exit(3);
        }
        WorkloadMain.main(args);
    }
}
