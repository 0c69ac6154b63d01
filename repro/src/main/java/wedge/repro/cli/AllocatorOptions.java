package wedge.repro.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import wedge.allocator.AllocatorConfig;
import wedge.allocator.Preset;
import wedge.allocator.Switch;

/** The options that pick an allocator configuration: a preset and switch changes on top of it. */
public final class AllocatorOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--preset", defaultValue = "buggy", paramLabel = "P",
            description = "allocator preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
            completionCandidates = PresetNames.class)
    private String preset;

    @Option(names = "--switch", paramLabel = "[+|-]NAME", split = ",",
            description = "turn a switch on (+name or name) or off (-name) on top of the preset; "
                    + "names: ${COMPLETION-CANDIDATES}", completionCandidates = SwitchNames.class)
    private List<String> switches = new ArrayList<>();

    @Option(names = "--cache", paramLabel = "CAPACITY/BATCH",
            description = "per-thread cache: blocks per class before spilling / blocks per refill "
                    + "(default: the preset's)")
    private String cache;

    /** The configuration these options name; bad names are usage errors that list the valid ones. */
    public AllocatorConfig config() {
        try {
            AllocatorConfig config = AllocatorConfig.preset(preset);
            if (cache != null) {
                String[] parts = cache.split("/");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--cache takes CAPACITY/BATCH, e.g. 64/16; not '" + cache + "'");
                }
                config = config.withCache(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
            for (String s : switches) {
                boolean off = s.startsWith("-");
                String name = off || s.startsWith("+") ? s.substring(1) : s;
                config = config.with(Switch.byId(name), !off);
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** These options as arguments of a workload program, checked first. */
    public List<String> toArgs() {
        config();
        List<String> args = new ArrayList<>(List.of("--preset", preset));
        if (!switches.isEmpty()) {
            args.add("--switch=" + String.join(",", switches));
        }
        if (cache != null) {
            args.addAll(List.of("--cache", cache));
        }
        return args;
    }

    /** Preset names for help and completion. */
    static final class PresetNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        PresetNames() {
            for (Preset p : Preset.values()) {
                add(p.id());
            }
        }
    }

    /** Switch names for help and completion. */
    static final class SwitchNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        SwitchNames() {
            for (Switch s : Switch.values()) {
                add(s.id());
            }
        }
    }
}
