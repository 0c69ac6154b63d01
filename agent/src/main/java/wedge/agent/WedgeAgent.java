package wedge.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.dynamic.Nexus;
import wedge.agent.capture.DumpDirectory;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.BadConfiguration;
import wedge.agent.config.StrategyKind;
import wedge.agent.hunt.HuntStrategy;
import wedge.agent.hunt.PairsFile;
import wedge.agent.points.AutoFields;
import wedge.agent.points.Point;
import wedge.agent.points.PointFile;
import wedge.agent.points.Profile;
import wedge.agent.runtime.AgentThread;
import wedge.agent.schedule.Script;
import wedge.agent.weave.AgentJar;
import wedge.agent.weave.BootstrapJar;
import wedge.agent.weave.HookClassFiles;
import wedge.agent.weave.WeaveSetup;
import wedge.contract.ParentWatch;

/**
 * The agent's entry points: {@code -javaagent:wedge-agent.jar=OPTIONS} ({@link #premain}) and dynamic attach
 * ({@link #agentmain}, see {@link Attach}).
 *
 * <p>Invariant: everything the user wrote (options, point file) is validated before anything is instrumented; a
 * mistake never yields a run without the instrumentation asked for. At start-up it stops the JVM before
 * {@code main} with status 2 and one line on stderr; on attach it fails the attach and leaves the target running
 * and unchanged. While either entry point runs, its thread is the agent's ({@link AgentThread}): nothing it does
 * passes a point or counts as a fault.
 * This class must not touch the hook classes before {@link BootstrapJar#append} (see there).
 */
public final class WedgeAgent {
    /** Exit status for a bad option or point file. */
    public static final int BAD_CONFIGURATION = 2;

    private WedgeAgent() {
    }

    /** Start-up entry point. */
    public static void premain(String args, Instrumentation inst) {
        AgentThread.starting();
        try {
            Request request;
            try {
                request = Request.parse(args);
            } catch (BadConfiguration e) {
                System.err.println("wedge-agent: " + e.getMessage());
                System.err.flush();
                Runtime.getRuntime().halt(BAD_CONFIGURATION);
                return;
            }
            ParentWatch.startIfAsked(AgentThread::daemon);
            start(request, inst, false);
        } finally {
            AgentThread.started();
        }
    }

    /**
     * Dynamic-attach entry point. Throws nothing and halts nothing: the target goes on whatever happens here, and
     * what happened goes to the attaching tool through an {@link AttachReport} (a bad option or profile, an agent
     * already loaded, a class that cannot be woven), or to stderr when no tool asked for one.
     */
    public static void agentmain(String args, Instrumentation inst) {
        AgentThread.starting();
        AttachReport report = AttachReport.of(args);
        try {
            if (BootstrapJar.alreadyAppended()) {
                tell(report, AttachReport.Result.REFUSED, "the Wedge agent is already loaded in this JVM (by "
                        + "-javaagent, an earlier attach, or a failed one); nothing was changed");
                return;
            }
            Request request;
            try {
                request = Request.parse(AttachReport.options(args));
            } catch (BadConfiguration e) {
                tell(report, AttachReport.Result.BAD, e.getMessage());
                return;
            }
            start(request, inst, true);
            tell(report, AttachReport.Result.ATTACHED, null);
        } catch (RuntimeException | LinkageError e) {
            tell(report, AttachReport.Result.REFUSED, e.getMessage() != null ? e.getMessage() : e.toString());
        } finally {
            AgentThread.started();
        }
    }

    private static void tell(AttachReport report, AttachReport.Result result, String message) {
        if (report != null) {
            report.write(result, message);
        } else if (result != AttachReport.Result.ATTACHED) {
            System.err.println("wedge-agent: attach " + result.word() + ": " + message);
        }
    }

    /**
     * What the user asked for, validated as a whole: the options, the dump directory (a dump with nowhere to go
     * would lose the fault the run was for), their points, the script they name and the pairs a hunt starts from.
     */
    private record Request(AgentOptions options, List<Point> points, AutoFields auto, Script script,
                           PairsFile pairs) {
        static Request parse(String args) {
            AgentOptions parsed = AgentOptions.parse(args);
            DumpDirectory.check(Path.of(parsed.dumpDir()));
            Profile profile = PointFile.load(parsed.points());
            AgentOptions options = parsed.withProfile(profile.source(), profile.faultType(), profile.snapshot());
            List<Point> points = profile.points();
            // automatic points may find no plain field at all, and then the run simply has nothing to hunt
            if (options.strategy() == StrategyKind.HUNT && profile.auto() == null && !HuntStrategy.huntable(points)) {
                throw new BadConfiguration("strategy=hunt needs field points (field-read or field-write): it learns "
                        + "and traps accesses of one field of one object, and the points of " + options.points()
                        + " have none");
            }
            String path = options.schedule().script();
            return new Request(options, points, profile.auto(), path == null ? null : Script.load(path, points),
                    PairsFile.open(options, points));
        }
    }

    private static void start(Request request, Instrumentation inst, boolean attached) {
        // Byte Buddy's AgentBuilder prepares its Nexus (type initializers injected through sun.misc.Unsafe, which
        // JDK 24+ warns about on stderr) even when, as here, nothing needs it. The property is read under the
        // relocated name, so it only concerns the agent's own copy of Byte Buddy, never the application's.
        System.setProperty(Nexus.PROPERTY, "true");
        if (BootstrapJar.alreadyAppended()) {
            System.err.println("wedge-agent: the Wedge agent is already loaded in this JVM; this one does nothing");
            return;
        }
        AgentJar agent;
        HookClassFiles hookClasses;
        try {
            agent = AgentJar.running();
            hookClasses = BootstrapJar.append(inst, agent);
        } catch (IOException e) {
            throw new IllegalStateException("cannot put the hook classes on the bootstrap class path: " + e, e);
        }
        AgentRuntime.start(request.options(), request.points(), request.auto(), request.script(), request.pairs(),
                inst, new WeaveSetup(inst, agent, hookClasses, request.options().weaveCache(), attached));
    }
}
