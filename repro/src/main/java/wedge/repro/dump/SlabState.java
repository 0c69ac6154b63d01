package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

/** A snapshot slab as the reports show it: its counters and owner on one line, its lists walked up to a break. */
public final class SlabState {
    private SlabState() {
    }

    /** The slabs a report shows: the fault's slab (when the snapshot has it) first, then every broken slab. */
    public static List<JsonNode> shown(Dump dump, FaultSite site) {
        List<JsonNode> shown = new ArrayList<>();
        JsonNode faultSlab = site.slab() == null ? null : dump.slab(site.slab());
        if (faultSlab != null) {
            shown.add(faultSlab);
        }
        dump.brokenSlabs().stream().filter(b -> !shown.contains(b)).forEach(shown::add);
        return shown;
    }

    /**
     * {@code ss0/slab13  128 B  cap 512 used 311 carved 370  owner T16 larson-6.1 (tid 16, live)  remote empty}.
     */
    public static String summary(Dump dump, JsonNode slab) {
        long tid = slab.path("ownerTid").asLong();
        String owner;
        if (tid == 0) {
            owner = "no owner";
        } else {
            OptionalInt ordinal = dump.ownerOrdinal(slab);
            owner = "owner " + (ordinal.isPresent() ? dump.thread(ordinal.getAsInt()) + " (tid " : "(tid ") + tid
                    + (slab.path("ownerLive").asBoolean() ? ", live)" : ", gone)");
        }
        int queued = slab.path("remoteCount").asInt();
        String remoteHead = slab.path("remote").path("head").asText("0x0");
        String remote = queued == 0 && remoteHead.equals("0x0") ? "remote empty"
                : "remote " + queued + " queued (head " + remoteHead + ")";
        return slab.path("label").asText() + "  " + slab.path("blockSize").asInt() + " B  cap "
                + slab.path("capacity").asInt() + " used " + slab.path("used").asInt() + " carved "
                + slab.path("carved").asInt() + "  " + owner + "  " + remote;
    }

    /**
     * A walked list as a chain, e.g. {@code freelist: 0x..1200 -> 0x..4e40 -> 0x6261  BROKEN at #2: unmapped
     * address}. The walk keeps the first blocks and those just before a break; a gap between them is counted.
     *
     * @param name the list's name ({@code freelist}, {@code remote})
     * @param walk the walk as the snapshot gives it: head, length, first, and broken when it stopped early
     */
    public static String chain(String name, JsonNode walk) {
        List<String> tokens = new ArrayList<>();
        walk.path("first").forEach(a -> tokens.add(a.asText()));
        int kept = tokens.size();
        JsonNode broken = walk.path("broken");
        if (broken.isObject()) {
            int position = broken.path("position").asInt();
            List<String> before = new ArrayList<>();
            broken.path("before").forEach(a -> before.add(a.asText()));
            int from = position - before.size();
            if (from > kept) {
                tokens.add("... " + (from - kept) + " more");
            }
            tokens.addAll(before.subList(Math.min(before.size(), Math.max(0, kept - from)), before.size()));
            tokens.add(broken.path("address").asText());
            return name + ": " + String.join(" -> ", tokens) + "  BROKEN at #" + position + ": "
                    + broken.path("reason").asText();
        }
        int length = walk.path("length").asInt();
        if (length > kept) {
            tokens.add("... " + (length - kept) + " more");
        }
        tokens.add("NULL");
        return name + ": " + String.join(" -> ", tokens) + "  (length " + length + ")";
    }
}
