package wedge.repro.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A headless Chromium driven over the DevTools protocol (a WebSocket, with {@code java.net.http}): open a page,
 * evaluate script in it, collect the script errors and console errors it reports, take a screenshot, print it.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Flags for a root user in a closed network: no sandbox, and no background connections to refuse. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", "--remote-allow-origins=*",
            "--window-size=1400,1000");

    private final Process process;
    /** The browser's profile and temporary directory, removed when it ends. */
    private final List<Path> dirs;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, List<Path> dirs, WebSocket.Builder builder, URI page) {
        this.process = process;
        this.dirs = dirs;
        this.socket = builder.buildAsync(page, new Listener()).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The Chromium on the PATH ({@code chromium}, {@code chromium-browser} or {@code google-chrome}), if any. */
    static Optional<Path> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts {@code binary} on an empty page with a fresh profile under {@code work}, and its temporary files there
     * too: it keeps the socket that makes it a single instance in an {@code org.chromium.Chromium.*} directory of
     * the temporary directory, which a browser ended by a signal leaves behind. The directory's name is short: the
     * socket's whole path must fit in 107 bytes.
     */
    static HeadlessChromium start(Path binary, Path work) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path tmp = Files.createTempDirectory(work, "ct");
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("--user-data-dir=" + profile, "about:blank"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("chromium.log").toFile());
        builder.environment().put("TMPDIR", tmp.toString());
        Process p = builder.start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("chromium did not open its DevTools port; see " + work.resolve("chromium.log"));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString()).body();
        URI page = null;
        for (JsonNode target : JSON.readTree(list)) {
            if (target.path("type").asText().equals("page")) {
                page = URI.create(target.path("webSocketDebuggerUrl").asText());
            }
        }
        if (page == null) {
            p.destroyForcibly();
            throw new IOException("chromium lists no page target: " + list);
        }
        HeadlessChromium browser = new HeadlessChromium(p, List.of(profile, tmp), http.newWebSocketBuilder(), page);
        browser.call("Page.enable", JSON.createObjectNode());
        browser.call("Runtime.enable", JSON.createObjectNode());
        browser.call("Log.enable", JSON.createObjectNode());
        return browser;
    }

    /** Opens {@code url} and waits for its load event (after every inline script ran). */
    void open(URI url) throws InterruptedException {
        events.clear();
        ObjectNode params = JSON.createObjectNode().put("url", url.toString());
        JsonNode result = call("Page.navigate", params);
        if (result.has("errorText")) {
            throw new IllegalStateException("cannot open " + url + ": " + result.path("errorText").asText());
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (events.stream().noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not load within " + WAIT);
            }
            Thread.sleep(20);
        }
    }

    /** The value of {@code expression} evaluated in the page (JSON-serialisable values only). */
    JsonNode evaluate(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException(expression + " threw: " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Uncaught script errors, console errors and error log entries the page produced since it was opened. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.exceptionThrown" -> errors.add("uncaught: " + p.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    if (p.path("type").asText().matches("error|assert")) {
                        errors.add("console." + p.path("type").asText() + ": " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        errors.add("log: " + p.path("entry"));
                    }
                }
                default -> {
                }
            }
        }
        return errors;
    }

    /** Lays the page out for print ({@code true}) or the screen. */
    void printMedia(boolean print) {
        call("Emulation.setEmulatedMedia", JSON.createObjectNode().put("media", print ? "print" : ""));
    }

    /** A PNG of the whole page, not only the window, into {@code file}. */
    void screenshot(Path file) throws IOException {
        JsonNode size = call("Page.getLayoutMetrics", JSON.createObjectNode()).path("cssContentSize");
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.putObject("clip").put("x", 0).put("y", 0).put("width", size.path("width").asDouble())
                .put("height", size.path("height").asDouble()).put("scale", 1);
        Files.write(file, Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText()));
    }

    /** The page printed to PDF (A4, print styles) into {@code file}. */
    void pdf(Path file) throws IOException {
        ObjectNode params = JSON.createObjectNode().put("paperWidth", 8.27).put("paperHeight", 11.69);
        Files.write(file, Base64.getDecoder().decode(call("Page.printToPDF", params).path("data").asText()));
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        JsonNode reply = answer.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.path("error"));
        }
        return reply.path("result");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (Path dir : dirs) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /** Joins a message's frames, answers calls by id and keeps the events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frames = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(frames.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.remove(message.path("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else {
                        events.add(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                frames.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
