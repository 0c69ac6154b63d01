package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run never reads clean when it tested less than asked, and an error says why: points and fault types the agent
 * never armed, under {@code wedge run} and {@code wedge sweep}; the JVM's own error of a child that fails before
 * {@code main}; and without the agent, a fault type that escaped a worker while {@code main} ended normally.
 */
class SaysWhyTest {
    /** A worker throws the program's fault type; main ends normally (exit 0). */
    private static final String ESCAPES = """
            public class Escapes {
                public static final class Broken extends RuntimeException {
                    Broken() { super("invariant broken"); }
                }
                public static void main(String[] args) throws InterruptedException {
                    Thread t = new Thread(() -> { throw new Broken(); }, "worker");
                    t.start();
                    t.join();
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    @Timeout(200)
    void pointsAndFaultTypesNeverArmedAreAnErrorNamingEachUnderRunAndSweep() throws Exception {
        // No pushes: the program cannot fault, so what decides the outcome is what was never armed.
        Path classes = Examples.compile("plainstack", "PlainStack", work.resolve("classes"));
        Path points = Files.writeString(work.resolve("typo.points"), String.join("\n",
                "fault-type PlainStack$LostPushes|com.example.NoSuchFault",
                "field-read  PlainStack#haed        typo.read     in PlainStack#push",
                "field-read  com.example.Missing#n  missing.read", ""));
        List<String> program = List.of("--main", "PlainStack", "--classpath", classes.toString(), "--points",
                points.toString(), "--dump-dir", work.resolve("dumps").toString());
        Wedge run = new Wedge();
        assertEquals(0, run.run(args("run", program, "--", "0")), run.err.toString());
        String said = run.out.toString();
        assertTrue(said.startsWith("outcome=error signature=points:unmatched "), said);
        assertTrue(said.contains("typo.read (PlainStack#haed: PlainStack declares no field haed)")
                && said.contains("missing.read (com.example.Missing#n: class com.example.Missing never loaded")
                && said.contains("fault-type:unknown com.example.NoSuchFault (no such class on the class path)"), said);

        Wedge sweep = new Wedge();
        Path out = work.resolve("sweep.jsonl");
        assertEquals(0, sweep.run(args("sweep", program, "--seeds", "1..2", "--parallel", "2", "--out",
                out.toString(), "--", "0")), sweep.err.toString());
        assertTrue(sweep.out.toString().matches("(?s).*\\nerror +points:unmatched +2 .*"), sweep.out.toString());
        String results = Files.readString(out);
        assertEquals(2, results.lines().filter(l -> l.contains("\"signature\":\"points:unmatched\"")
                && l.contains("typo.read (PlainStack#haed") && l.contains("com.example.NoSuchFault")).count(), results);
    }

    @Test
    @Timeout(120)
    void aChildThatFailsBeforeMainShowsTheJvmsError() throws Exception {
        Path classes = compile("Escapes", ESCAPES);
        // The class file version of the next JDK, as a class built for a newer JDK has (one the agent's weaver
        // knows, so the JVM is what refuses it).
        Path main = classes.resolve("Escapes.class");
        byte[] bytes = Files.readAllBytes(main);
        bytes[6] = 0;
        bytes[7] = (byte) (44 + Runtime.version().feature() + 1);
        Files.write(main, bytes);
        Wedge w = new Wedge();
        assertEquals(0, w.run("run", "--main", "Escapes", "--classpath", classes.toString(), "--points",
                profile().toString(), "--dump-dir", work.resolve("dumps").toString()), w.err.toString());
        String said = w.out.toString();
        assertTrue(said.startsWith("outcome=error signature=exit-1 "), said);
        assertTrue(said.contains("\n  ") && said.contains("java.lang.UnsupportedClassVersionError: Escapes"), said);
    }

    @Test
    @Timeout(120)
    void withoutTheAgentAFaultTypeThatEscapesAWorkerIsAFault() throws Exception {
        Path classes = compile("Escapes", ESCAPES);
        Wedge w = new Wedge();
        assertEquals(0, w.run("run", "--main", "Escapes", "--classpath", classes.toString(), "--points",
                profile().toString(), "--agent", "off", "--dump-dir", work.resolve("dumps").toString()),
                w.err.toString());
        assertTrue(w.out.toString().startsWith("outcome=fault signature=Escapes$Broken "), w.out.toString());
    }

    private Path profile() throws Exception {
        return Files.writeString(work.resolve("escapes.points"),
                "fault-type Escapes$Broken\nmethod-enter Escapes#main escapes.main label=arg0\n");
    }

    private Path compile(String name, String source) throws Exception {
        Path src = Files.createDirectories(work.resolve("src")).resolve(name + ".java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.toString()));
        return classes;
    }

    private static String[] args(String command, List<String> program, String... rest) {
        return Stream.of(List.of(command), program, List.of(rest)).flatMap(List::stream)
                .toArray(String[]::new);
    }
}
