package wedge.repro.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

import wedge.contract.ExitStatus;
import wedge.contract.ParentWatch;
import wedge.repro.run.BatchSeed;
import wedge.repro.run.EntryPoint;
import wedge.repro.run.SeedRequest;

/**
 * A batch child: runs seed after seed in this JVM, one {@link SeedRequest} per line on stdin, each through
 * {@link BatchSeed}, until stdin ends (status 0) or a seed leaves the JVM in doubt (status 134). Without arguments it
 * runs the built-in workloads as {@link WorkloadMain} does, one per seed; with {@code ENTRY CLASSPATH} it calls the
 * program's entry method ({@code CLASS#METHOD}, a public static method taking the seed) once per seed.
 */
public final class BatchMain {
    private BatchMain() {
    }

    /** Runs the seeds stdin asks for; see the class comment for the arguments and statuses. */
    public static void main(String[] args) throws IOException, InterruptedException {
        ParentWatch.startIfAsked();
        BatchSeed.Task task = args.length == 2 ? entry(args[0], args[1]) : new Workloads();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String doubt = BatchSeed.run(SeedRequest.parse(line), task);
            if (doubt != null) {
                System.err.println("wedge-batch: ending the batch: " + doubt);
                System.err.flush();
                Runtime.getRuntime().halt(ExitStatus.ABORT);
            }
        }
        System.exit(ExitCodes.OK);
    }

    /** The built-in workloads, each seed on a heap of its own that is dropped after it. */
    private static final class Workloads implements BatchSeed.Task {
        private volatile WorkloadMain current;

        @Override
        public int run(SeedRequest request) throws InterruptedException {
            WorkloadMain w;
            try {
                w = WorkloadMain.parse(request.args());
            } catch (CommandLine.ParameterException e) {
                System.err.println(e.getMessage());
                return ExitCodes.USAGE;
            }
            current = w;
            return w.call();
        }

        @Override
        public void stop() {
            WorkloadMain w = current;
            if (w != null) {
                w.stop();
            }
        }

        @Override
        public void close() {
            WorkloadMain w = current;
            current = null;
            if (w != null) {
                w.retire();
            }
        }
    }

    /**
     * The program's entry, loaded once for the whole batch: its static state is the program's to reset, which is why
     * a program is batched only when its author names an entry.
     */
    private static BatchSeed.Task entry(String entry, String classpath) {
        Method method = EntryPoint.find(EntryPoint.loader(classpath), entry);
        return new BatchSeed.Task() {
            @Override
            public int run(SeedRequest request) throws Exception {
                try {
                    method.invoke(null, request.seed());
                    return ExitCodes.OK;
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception thrown) {
                        throw thrown;
                    }
                    throw (Error) e.getCause();
                }
            }

            /** Nothing to ask: the entry's threads are the program's, and end when it says. */
            @Override
            public void stop() {
            }

            @Override
            public void close() {
            }
        };
    }
}
