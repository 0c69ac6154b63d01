package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule stops the JVM before {@code main} with status 2 and one line on stderr that names the
 * option (or file and line) and what would be valid. One child JVM per rule: the JVM's own behaviour (the halt
 * before main) is part of what is tested.
 */
class BadConfigurationIT {
    private static final String GOOD = "field-read wedge.allocator.TinySlabMeta#freelist freelist.read\n";

    static Stream<Arguments> rules() {
        return Stream.of(
                option("unknown option", "sed=1", "unknown option 'sed'; valid options: seed, strategy"),
                option("missing value", "seed", "option 'seed' needs a value: seed=VALUE"),
                option("given twice", "seed=1,seed=2", "option 'seed' is given twice"),
                option("seed", "seed=x1", "bad option seed=x1; valid: a 64-bit integer"),
                option("strategy", "strategy=chaos", "bad option strategy=chaos; valid: off, noise, hunt, controlled, script"),
                option("on-race", "strategy=hunt,on-race=stop", "bad option on-race=stop; valid: continue, dump, exit"),
                option("order", "strategy=hunt,order=strict", "bad option order=strict; valid: free, force"),
                option("pairs without hunt", "pairs=x.pairs", "option pairs needs strategy=hunt"),
                option("on-race without hunt", "strategy=noise,on-race=exit", "option on-race needs strategy=hunt"),
                Arguments.of("hunt without field points", "strategy=hunt", "method-enter a.B#c enter\nfault-type a.Fault\n",
                        "strategy=hunt needs field points (field-read or field-write)"),
                option("search", "strategy=controlled,search=dfs", "bad option search=dfs; valid: random, pct"),
                option("script without strategy", "script=pom.xml", "option script needs strategy=script"),
                option("strategy without script", "strategy=script", "strategy=script needs script=FILE"),
                option("p", "p=1.5", "bad option p=1.5; valid: a probability"),
                option("pause", "pause=sleep", "bad option pause=sleep; valid: spin, yield, park"),
                option("duration", "duration=5", "bad option duration=5; valid: a duration like"),
                option("duration zero", "duration=0", "bad option duration=0; valid: a duration like"),
                option("points", "points=/no/such.points", "bad option points=/no/such.points; valid: allocator or"),
                option("dump-dir", "dump-dir=", "bad option dump-dir=; valid: a directory path"),
                option("on-fault", "on-fault=abort", "bad option on-fault=abort; valid: exit, throw"),
                option("ring", "ring=0", "bad option ring=0; valid: a whole number of events from 1 to"),
                option("hang-timeout", "hang-timeout=10", "bad option hang-timeout=10; valid: a duration like"),
                option("log", "log=trace", "bad option log=trace; valid: off, error, warn, info, debug"),
                option("log-file", "log-file=", "bad option log-file=; valid: a file path"),
                option("fault-type", "fault-type=a..B", "bad option fault-type=a..B; valid: binary class names separated by |"),
                option("snapshot", "snapshot=Heap.snap", "bad option snapshot=Heap.snap; valid: a static method"),
                file("too few fields", "field-read a.B#c\n", "line 1: too few fields; expected KIND CLASS#MEMBER"),
                file("unknown kind", "field-raed a.B#c x\n", "line 1: unknown kind 'field-raed'; valid kinds:"),
                file("bad target", "field-read a.B.c x\n", "line 1: bad target 'a.B.c'; valid: a binary class name"),
                file("bad name", "field-read a.B#c x/y\n", "line 1: bad point name 'x/y'; valid: letters"),
                file("name used twice", GOOD + GOOD, "line 2: point name 'freelist.read' is already used"),
                file("call-site without scope", "call-site a.B#c x\n", "line 1: a call-site point needs 'in SCOPE'"),
                file("bad scope", "field-read a.B#c x in a.*.b\n", "line 1: bad or repeated 'in SCOPE'; valid"),
                file("scope on method point", "method-enter a.B#c x in a.*\n",
                        "line 1: 'in SCOPE' applies to field and call-site points only"),
                file("label on field point", "field-read a.B#c x label=this\n",
                        "line 1: 'label=this': label= and value= apply to method-enter and method-exit"),
                file("bad label", "method-enter a.B#c x label=that\n", "line 1: bad label 'that'; valid: this, argN"),
                file("return on enter", "method-enter a.B#c x value=return\n",
                        "line 1: bad value 'return'; valid: argN, none"),
                file("label twice", "method-enter a.B#c x label=this label=arg0\n",
                        "line 1: 'label' is given twice"),
                file("unexpected token", "method-enter a.B#c x extra\n", "line 1: unexpected 'extra'"),
                file("no points", "# nothing here\n\n", ": defines no points; valid: at least one line"));
    }

    private static Arguments option(String rule, String args, String expected) {
        return Arguments.of(rule, args, null, expected);
    }

    private static Arguments file(String rule, String content, String expected) {
        return Arguments.of(rule, null, content, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void stopsBeforeMainWithStatusTwoAndOneLine(String rule, String args, String pointsFile, String expected)
            throws Exception {
        Path dir = ChildJvm.freshDir("bad-" + rule.replace(' ', '-'));
        String agentArgs = args;
        if (pointsFile != null) {
            Path points = dir.resolve("bad.points");
            Files.writeString(points, pointsFile);
            agentArgs = (args == null ? "" : args + ",") + "points=" + points;
        }
        ChildJvm.Result r = ChildJvm.run(ChildJvm.workload(agentArgs, "strict", "1", "1", "10", "1"), dir, 30);
        assertEquals(2, r.status(), "stderr:\n" + r.stderr());
        assertFalse(r.stdout().contains("done"), "main must not run");
        List<String> lines = r.agentErrorLines();
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).startsWith("wedge-agent: ") && lines.get(0).contains(expected),
                lines.get(0) + "\n  should contain: " + expected);
    }
}
