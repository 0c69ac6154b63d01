package wedge.repro.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code wedge run --json} from tests: the result object, the dump it names, and several runs at once. */
final class WedgeRuns {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Child JVMs at once: this machine has 2 cores, and a child spends most of its life starting up. */
    private static final int PARALLEL = 2;

    private WedgeRuns() {
    }

    /** Runs {@code wedge run --json ARGS} and returns its result object. */
    static JsonNode run(String... args) {
        Wedge wedge = new Wedge();
        List<String> all = new ArrayList<>(List.of("run", "--json"));
        all.addAll(List.of(args));
        assertEquals(0, wedge.run(all.toArray(String[]::new)), wedge.err.toString());
        return read(wedge.out.toString());
    }

    /** The dump a result names. */
    static JsonNode dump(JsonNode result) {
        try {
            return JSON.readTree(Path.of(result.path("dump").asText()).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the {@code runs}, {@link #PARALLEL} at a time, and returns their results in order. */
    static <T> List<T> parallel(List<Supplier<T>> runs) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<CompletableFuture<T>> futures = runs.stream().map(r -> CompletableFuture.supplyAsync(r, pool)).toList();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(text, e);
        }
    }
}
