package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.contract.Hex;

/**
 * The WHY of a fault: what its address is, as {@link AddressClass} classifies it, with the evidence for that rule
 * (the bytes, the block or slab it falls in or came from) and, where it helps, what the address is not.
 */
public final class AddressEvidence {
    private static final long AB = 0x6261;
    private static final String WORKLOAD = "The workload (Larson) writes 'a','b' into the first two bytes of every "
            + "block it gets, and a free block keeps its link in those same bytes.";

    private final Dump dump;
    private final FaultSite site;

    private AddressEvidence(Dump dump, FaultSite site) {
        this.dump = dump;
        this.site = site;
    }

    /** The evidence lines for the fault of {@code dump} at {@code site}. */
    public static List<String> of(Dump dump, FaultSite site) {
        return new AddressEvidence(dump, site).lines();
    }

    private List<String> lines() {
        Long address = site.address();
        if (address == null) {
            return List.of("The fault carries no address: " + dump.fault().path("type").asText() + ": "
                    + dump.fault().path("message").asText());
        }
        long a = address;
        List<String> out = new ArrayList<>();
        switch (AddressClass.of(a, dump.heap())) {
            case AB_OVER_NULL -> abOverNull(a, out);
            case AB_OVER_LINK -> abOverLink(a, out);
            case NULL_PAGE -> nullPage(a, out);
            case MISALIGNED_IN_SLAB -> misaligned(a, out);
            case BLOCK -> block(a, out);
            case TRUNCATED -> truncated(a, out);
            case UNMAPPED -> unmapped(a, out);
        }
        return out;
    }

    private void abOverNull(long a, List<String> out) {
        out.add(Hex.of(a) + " is the bytes " + Text.bytes(a) + " = \"ab\" followed by zeros.");
        out.add(WORKLOAD + " So this \"pointer\" is a NULL link (end of list) overwritten by the workload.");
        clobberedBlock(a, out);
        out.add("Not a truncated pointer: " + Hex.of(a) + " is odd, and every block starts at a multiple of 8.");
    }

    private void abOverLink(long a, List<String> out) {
        long window = a & ~0xffffL;
        out.add(Hex.of(a) + " is the bytes " + Text.bytes(a) + ": \"ab\" in the low two bytes, the heap's upper "
                + "bytes above them.");
        JsonNode slab = dump.slabAt(window);
        String target = slab == null ? "a 64 KiB window no slab of the snapshot covers"
                : "a block of " + slab.path("label").asText() + " (" + slab.path("blockSize").asInt() + " B blocks, "
                        + slab.path("carved").asInt() + " carved)";
        out.add(WORKLOAD + " So this is a real link whose low 16 bits were overwritten: it pointed somewhere in "
                + Hex.of(window) + ".." + Hex.of(window | 0xffff) + ", " + target
                + "; which block, the two clobbered bytes no longer tell.");
        clobberedBlock(a, out);
        out.add("Not a truncated pointer: it keeps the heap's upper bytes " + Hex.of(a >>> 16)
                + "; only its low two bytes changed.");
    }

    /** For the workload's bytes: the block whose link they overwrote, which was therefore in use and linked. */
    private void clobberedBlock(long a, List<String> out) {
        Long block = site.clobberedBlock();
        if (block == null) {
            out.add("Which block's link it was is not in the event window: no pop by the faulting thread wrote "
                    + Hex.of(a) + " as the new head.");
            return;
        }
        FreelistOp pop = site.linkPop();
        out.add("Block " + Hex.of(block) + " was in use while still linked on " + site.slab() + "'s freelist: "
                + dump.thread(pop.thread()) + "'s pop read it as the head (" + pop.read().step()
                + ") and its link as " + Hex.of(a) + " (written as the new head, " + pop.write().step() + ").");
    }

    /** For other addresses: only where the bad link was found, with no claim about how it got there. */
    private void foundIn(List<String> out) {
        FreelistOp pop = site.linkPop();
        if (pop != null) {
            out.add("It was the link of block " + Hex.of(pop.read().value()) + ": " + dump.thread(pop.thread())
                    + "'s pop read that block as the head (" + pop.read().step() + ") and wrote its link as the new "
                    + "head (" + pop.write().step() + ").");
        }
    }

    private void nullPage(long a, List<String> out) {
        out.add(Hex.of(a) + " is in the first page (below 0x1000): a NULL pointer plus " + a + " bytes, as when "
                + "a NULL link (end of list) is followed as if it were a block.");
        out.add("Not the workload's bytes: 'a','b' over a NULL link would be exactly " + Hex.of(AB) + ".");
        foundIn(out);
    }

    private void misaligned(long a, List<String> out) {
        JsonNode slab = dump.slabAt(a);
        HeapMap.Region region = dump.heap().regionOf(a);
        long base = slab == null ? region.base() : Long.decode(slab.path("base").asText());
        int size = region.blockSize();
        long offset = (a - base) % size;
        long block = a - offset;
        String where = slab == null ? region.label() : slab.path("label").asText();
        out.add(Hex.of(a) + " lies inside " + where + " (" + size + " B blocks), " + offset + " bytes into block "
                + Hex.of(block) + " (#" + (block - base) / size + " of " + where + "): not a block start, so no "
                + "freelist ever linked it. A link was read from inside a block, or a link was shifted.");
        lowBytesNotAb(a, out);
    }

    private void block(long a, List<String> out) {
        JsonNode slab = dump.slabAt(a);
        String where = slab == null ? dump.heap().regionOf(a).label() : slab.path("label").asText();
        out.add(Hex.of(a) + " is a block start in " + where + ": a real, mapped block address, used where it "
                + "should not be (" + dump.fault().path("message").asText() + ").");
        foundIn(out);
    }

    private void truncated(long a, List<String> out) {
        int bits = dump.heap().blockEndingIn(a, 32) != null ? 32 : 16;
        long block = dump.heap().blockEndingIn(a, bits);
        JsonNode slab = dump.slabAt(block);
        out.add(Hex.of(a) + " is not a heap address (" + extent() + "), but its low " + bits + " bits are those of "
                + "block " + Hex.of(block) + (slab == null ? "" : " of " + slab.path("label").asText())
                + ": a pointer whose upper bytes were cut.");
        lowBytesNotAb(a, out);
    }

    private void unmapped(long a, List<String> out) {
        out.add(Hex.of(a) + " is in no mapped SuperSlab (" + extent() + "), its low bytes are not the workload's "
                + "'a','b', and neither its low 32 nor its low 16 bits are those of any block: an address nothing "
                + "maps, a wild pointer.");
        foundIn(out);
    }

    private void lowBytesNotAb(long a, List<String> out) {
        out.add("Not the workload's bytes: its low two bytes are " + Text.bytes(a).substring(0, 5)
                + ", not 'a','b' (61 62).");
        foundIn(out);
    }

    private String extent() {
        JsonNode space = dump.snapshot().path("heaps").path(0).path("addressSpace");
        if (space.isMissingNode()) {
            return "no snapshot maps the heap";
        }
        return "the heap is " + space.path("base").asText() + ".." + space.path("end").asText();
    }
}
