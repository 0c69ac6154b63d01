package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import wedge.repro.sweep.EnvShard;
import wedge.repro.sweep.ResultFile;
import wedge.repro.sweep.SeedRange;
import wedge.repro.sweep.Seeds;

/** The inputs sweeps share, read with usage errors that say what is wrong. */
final class SweepInputs {
    private SweepInputs() {
    }

    /** The seeds of {@code range} that shard {@code shard} runs. */
    static Seeds seeds(CommandSpec cmd, String range, String shard) {
        try {
            return SeedRange.parse(range).shard(shard);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd.commandLine(), e.getMessage());
        }
    }

    /** {@code shard} as {@code k/n}: itself, or for {@code env} the shard {@code env} assigns. */
    static String shard(CommandSpec cmd, String shard, Map<String, String> env) {
        if (!shard.trim().equals(EnvShard.KEYWORD)) {
            return shard;
        }
        try {
            return EnvShard.of(env);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd.commandLine(), e.getMessage());
        }
    }

    /**
     * The results already in {@code out}, the result file a sweep appends to, once it is known to be able to take
     * more: checked before the first seed runs, so a full disk or a directory this user cannot write is said at once.
     */
    static List<JsonNode> resultsToAppend(CommandSpec cmd, Path out) {
        OutputDirectoryCheck.results(cmd, out);
        return results(cmd, out);
    }

    /** The results already in {@code file}. */
    static List<JsonNode> results(CommandSpec cmd, Path file) {
        try {
            return ResultFile.read(file);
        } catch (IOException e) {
            throw new ParameterException(cmd.commandLine(), e.getMessage());
        }
    }
}
