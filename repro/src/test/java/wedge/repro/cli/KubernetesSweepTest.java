package wedge.repro.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import wedge.repro.sweep.ResultFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/k8s/sweep-job.yaml} without a cluster: the shell commands of its shard pods and of its merge pod,
 * taken from the manifest and run here with the environment the Job gives them (a {@code wedge} on the PATH, the
 * completion index per pod), merge into the same outcomes per seed as one unsharded sweep of the same seeds. The
 * runs use the controlled strategy, under which the seed alone decides a run's outcome.
 */
class KubernetesSweepTest {
    private static final String SEEDS = "1..4";
    private static final String CASE = "--workload larson --preset buggy --agent controlled --threads 4 --seconds 30";
    private static final int SHARDS = 3;
    private static final Pattern ROW = Pattern.compile("(?m)^(case: .*|(?!outcome  signature)\\S.*?\\s+\\d+\\s+"
            + "\\d+\\.\\d%|crash rate \\d+/\\d+)");

    @TempDir
    Path work;

    @Test
    @Timeout(300)
    void threeShardPodsAndTheMergePodGiveTheOutcomesOfOneUnshardedSweep() throws Exception {
        Path results = Files.createDirectories(work.resolve("results"));
        Map<String, String> env = podEnvironment(results);
        List<Process> pods = new ArrayList<>();
        for (int index = 0; index < SHARDS; index++) {
            Map<String, String> pod = new HashMap<>(env);
            pod.put("JOB_COMPLETION_INDEX", Integer.toString(index));
            pods.add(start(Manifest.read().command("wedge-sweep"), pod, work.resolve("shard-" + index + ".log")));
        }
        for (int index = 0; index < SHARDS; index++) {
            assertEquals(0, finish(pods.get(index)), log(work.resolve("shard-" + index + ".log")));
            assertTrue(Files.exists(results.resolve("shard-" + index + ".done")));
        }
        Process merge = start(Manifest.read().command("wedge-merge"), env, work.resolve("merge.log"));
        assertEquals(0, finish(merge), log(work.resolve("merge.log")));

        Wedge wedge = new Wedge();
        List<String> sweep = new ArrayList<>(List.of("sweep", "--seeds", SEEDS, "--parallel", "2", "--out",
                work.resolve("unsharded.jsonl").toString(), "--dump-dir", work.resolve("dumps").toString()));
        sweep.addAll(List.of(CASE.split(" ")));
        assertEquals(0, wedge.run(sweep.toArray(String[]::new)), wedge.err.toString());

        Map<Long, String> merged = outcomes(results.resolve("sweep.jsonl"));
        assertEquals(4, merged.size(), merged.toString());
        assertEquals(outcomes(work.resolve("unsharded.jsonl")), merged);
        assertEquals(tableRows(wedge.out.toString()), tableRows(log(work.resolve("merge.log"))),
                log(work.resolve("merge.log")));
    }

    @Test
    void theManifestTellsThePodsAsManyShardsAsTheJobHasCompletions() throws IOException {
        Manifest m = Manifest.read();
        JsonNode sweep = m.job("wedge-sweep");
        assertEquals("Indexed", sweep.path("spec").path("completionMode").asText());
        String completions = sweep.path("spec").path("completions").asText();
        assertEquals(completions, m.env("wedge-sweep").get("WEDGE_SHARD_COUNT"));
        assertEquals(completions, m.env("wedge-merge").get("WEDGE_SHARD_COUNT"));
    }

    @Test
    @Timeout(60)
    void shardVariablesMissingOrInconsistentExitTwoNamingThem() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("WEDGE_SHARD_COUNT", "3");
        env.put("JOB_COMPLETION_INDEX", "3");
        List<String> sweep = List.of(shim().resolve("wedge").toString(), "sweep", "--shard", "env", "--seeds", "1..9", "--out",
                work.resolve("never.jsonl").toString());
        Path bad = work.resolve("bad.log");
        assertEquals(2, finish(start(sweep, env, bad)), log(bad));
        assertTrue(log(bad).contains("JOB_COMPLETION_INDEX=3 must be 0..2 since WEDGE_SHARD_COUNT=3"), log(bad));
        env.remove("JOB_COMPLETION_INDEX");
        Path missing = work.resolve("missing.log");
        assertEquals(2, finish(start(sweep, env, missing)), log(missing));
        assertTrue(log(missing).contains("JOB_COMPLETION_INDEX is not set"), log(missing));
        assertTrue(Files.notExists(work.resolve("never.jsonl")));
    }

    /** The environment of the manifest's pods, with the test's results directory, seeds, case and shard count. */
    private Map<String, String> podEnvironment(Path results) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("JOB_COMPLETION_INDEX");
        env.putAll(Manifest.read().env("wedge-sweep"));
        env.put("PATH", shim() + ":" + env.get("PATH"));
        env.put("WEDGE_RESULTS", results.toString());
        env.put("WEDGE_SEEDS", SEEDS);
        env.put("WEDGE_CASE", CASE);
        env.put("WEDGE_SHARD_COUNT", Integer.toString(SHARDS));
        return env;
    }

    /** A {@code wedge} command that runs this build's CLI, as the image's {@code scripts/wedge} runs its jar. */
    private Path shim() throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path wedge = bin.resolve("wedge");
        if (Files.notExists(wedge)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Files.writeString(wedge, "#!/bin/sh\nexec '" + java + "' -Dwedge.home='" + Manifest.root() + "' -cp '"
                    + System.getProperty("java.class.path") + "' wedge.repro.cli.Main \"$@\"\n");
            Files.setPosixFilePermissions(wedge, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("pod command still running after 240 s");
        }
        return p.exitValue();
    }

    private static String log(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Map<Long, String> outcomes(Path file) throws IOException {
        Map<Long, String> bySeed = new TreeMap<>();
        for (JsonNode r : ResultFile.read(file)) {
            bySeed.put(r.path("seed").asLong(), r.path("outcome").asText() + " " + r.path("signature").asText());
        }
        return bySeed;
    }

    /** The case line, and per row of the outcome table its outcome, signature, seeds and share, not the times. */
    private static List<String> tableRows(String output) {
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(output);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    /** The manifest's Jobs, as Kubernetes reads them. */
    private record Manifest(List<JsonNode> documents) {
        static Path root() {
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("deploy/k8s/sweep-job.yaml"))) {
                    return p;
                }
            }
            throw new AssertionError("no deploy/k8s/sweep-job.yaml above " + Path.of("").toAbsolutePath());
        }

        static Manifest read() throws IOException {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            return new Manifest(yaml.readerFor(JsonNode.class)
                    .<JsonNode>readValues(root().resolve("deploy/k8s/sweep-job.yaml").toFile()).readAll());
        }

        JsonNode job(String name) {
            return documents.stream().filter(d -> d.path("kind").asText().equals("Job")
                    && d.path("metadata").path("name").asText().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Job " + name + " in the manifest"));
        }

        JsonNode container(String job) {
            JsonNode containers = job(job).path("spec").path("template").path("spec").path("containers");
            assertEquals(1, containers.size(), job + " has one container");
            return containers.get(0);
        }

        /** The container's command and arguments, as the pod runs them. */
        List<String> command(String job) {
            List<String> all = new ArrayList<>();
            container(job).path("command").forEach(c -> all.add(c.asText()));
            container(job).path("args").forEach(c -> all.add(c.asText()));
            return all;
        }

        Map<String, String> env(String job) {
            Map<String, String> env = new HashMap<>();
            container(job).path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            return env;
        }
    }
}
