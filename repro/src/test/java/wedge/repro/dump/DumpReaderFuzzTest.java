package wedge.repro.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import picocli.CommandLine;
import wedge.repro.cli.DumpCommand;

/**
 * The dump reader on thousands of damaged real dumps: cut short, a value of another type, a key gone, huge numbers,
 * deep nesting. Whatever it is given, every subcommand ends with exit 0 and what it could read, or exit 2 and one
 * line, never a stack trace, never a hang.
 *
 * <p>Jazzer drives the damage: in fuzzing mode (the build sets {@code JAZZER_FUZZ=1} for this class) it mutates the
 * bytes that choose the dump, the kind of damage, its place and its value, guided by the coverage of the reader, for
 * a bounded number of executions; without it the test runs the inputs kept under {@code DumpReaderFuzzTestInputs}.
 */
class DumpReaderFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SOURCES = List.of("ab-over-null.json", "ab-over-link.json", "hang.json",
            "misaligned.json", "null-page.json", "unmapped.json", "truncated.json");
    private static final String[] COMMANDS = {"show", "explain", "timeline", "json"};

    /** One command line for every run: building picocli's model costs more than reading a small dump. */
    private static final ReusedCommand DUMP = new ReusedCommand();

    private static Path dir;

    /** How one subcommand ended. */
    record Ending(String command, int status, String out, String err) {
    }

    /** {@code wedge dump}, parsed and run again and again with its output captured each time. */
    static final class ReusedCommand {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final CommandLine line = new CommandLine(new DumpCommand())
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

        Ending run(String... args) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            int status = line.execute(args);
            return new Ending(args[0], status, out.toString(), err.toString());
        }
    }

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("wedge-fuzz-");
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** How a real dump is damaged; {@code at} picks the place, {@code with} the value put there. */
    enum Mutation { TRUNCATE, RETYPE, DROP_KEY, HUGE_NUMBER, DEEP_NESTING }

    record Damage(String source, Mutation mutation, int at, int with) {
    }

    /** The damage Jazzer's bytes stand for. */
    private static Damage damage(FuzzedDataProvider data) {
        return new Damage(data.pickValue(SOURCES), data.pickValue(Mutation.values()),
                data.consumeInt(0, Integer.MAX_VALUE), data.consumeInt(0, 7));
    }

    @FuzzTest(maxExecutions = 2000, maxDuration = "30s")
    void everySubcommandEndsWithExitZeroOrOneLineAndExitTwo(FuzzedDataProvider data) throws IOException {
        Damage damage = damage(data);
        Path file = Files.write(dir.resolve("damaged.json"), damaged(damage));
        List<Ending> endings = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            List<Ending> all = new ArrayList<>();
            for (String command : COMMANDS) {
                all.add(DUMP.run(command, file.toString()));
            }
            return all;
        }, "a subcommand hangs on " + damage);
        for (Ending r : endings) {
            String what = r.command() + " on " + damage + ": exit " + r.status() + "\n" + r.err();
            assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), "a stack trace: " + what);
            if (r.status() == 2) {
                assertEquals(1, r.err().strip().lines().count(), what);
                assertTrue(r.err().startsWith("wedge dump: " + file + ": "), what);
            } else {
                assertEquals(0, r.status(), what);
                assertEquals("", r.err(), what);
            }
        }
    }

    /**
     * The damaged file. Places and values are picked modulo what there is to pick from: Jazzer's provider has been
     * seen to hand out a negative {@code at} from {@code consumeInt(0, Integer.MAX_VALUE)} (the crash input kept in
     * this test's resources), which is no finding of the reader.
     */
    private static byte[] damaged(Damage d) throws IOException {
        byte[] whole = Files.readAllBytes(Path.of(WedgeDump.resource(d.source())));
        if (d.mutation() == Mutation.TRUNCATE) {
            return Arrays.copyOf(whole, Math.floorMod(d.at(), whole.length));
        }
        JsonNode root = JSON.readTree(whole);
        List<Place> places = new ArrayList<>();
        collect(root, places);
        Place p = places.get(Math.floorMod(d.at(), places.size()));
        switch (d.mutation()) {
            case DROP_KEY -> p.drop();
            case RETYPE -> p.set(List.of(NODES.textNode("0xZZ"), NODES.numberNode(5), NODES.textNode("ss0/slab"),
                    NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(),
                    NODES.numberNode(2.5)).get(Math.floorMod(d.with(), 8)));
            case HUGE_NUMBER -> p.set(List.of(NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                    NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
                    NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(-1), NODES.numberNode(1e300),
                    NODES.numberNode(Integer.MIN_VALUE), NODES.textNode("0xffffffffffffffff"))
                    .get(Math.floorMod(d.with(), 8)));
            case DEEP_NESTING -> p.set(nested(Math.min(900, 8 << Math.floorMod(d.with(), 8))));
            default -> throw new IllegalStateException(d.toString());
        }
        return JSON.writeValueAsBytes(root);
    }

    /** {@code depth} arrays, one inside the other. */
    private static JsonNode nested(int depth) {
        ArrayNode top = NODES.arrayNode();
        ArrayNode a = top;
        for (int i = 1; i < depth; i++) {
            a = a.addArray();
        }
        return top;
    }

    /** A value's place in its container: a key of an object or an index of an array. */
    private record Place(ContainerNode<?> parent, String key, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void drop() {
            if (parent instanceof ObjectNode o) {
                o.remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Place> places) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(k -> places.add(new Place(o, k, -1)));
            o.elements().forEachRemaining(v -> collect(v, places));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                places.add(new Place(a, null, i));
                collect(a.get(i), places);
            }
        }
    }
}
