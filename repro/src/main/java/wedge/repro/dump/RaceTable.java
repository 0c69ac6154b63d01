package wedge.repro.dump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.contract.Hex;

/**
 * The seed's timeline table for one {@link LostUpdate}, rebuilt from recorded events: a row per step (event seq), a
 * column per thread involved, and a result column marking what the key steps did, LOST UPDATE at the overwriting
 * write. Only recorded events appear, except one row marked as inferred: the workload's write of 'a','b', which no
 * point records but the fault address proves.
 *
 * <p>For the lost update behind the fault, the table goes on to the fault: the relinked block coming back to the
 * head, its second pop, the clobbered link, the faulting read.
 */
public final class RaceTable {
    /** Fewest consecutive unremarkable steps of one thread that a brief table folds into one row. */
    private static final int FOLD = 3;
    /** Most operations on the relinked block shown between the lost update and the fault. */
    private static final int AFTERMATH_OPS = 4;

    /**
     * One row: a step of one thread, {@code op} the operation it belongs to (or null); {@code key} rows are never
     * folded. The cell leaves out the role, which the column header gives unless the thread has several.
     */
    private record Step(String step, int thread, String cell, String result, boolean key, FreelistOp op) {
        Step(Event e, String cell, String result, boolean key, FreelistOp op) {
            this(e.step(), e.thread(), cell, result, key, op);
        }
    }

    private final Dump dump;
    private final LostUpdate update;
    private final TreeMap<Long, Step> steps = new TreeMap<>();

    private RaceTable(Dump dump, LostUpdate update) {
        this.dump = dump;
        this.update = update;
    }

    /**
     * The table of {@code update}.
     *
     * @param fault the fault site when {@code update} is the fault's cause (the table then runs on to the fault),
     *              else null
     * @param brief whether to fold runs of unremarkable steps of one thread into one row, to fit one screen
     */
    public static Table of(Dump dump, LostUpdate update, FaultSite fault, boolean brief) {
        RaceTable t = new RaceTable(dump, update);
        t.race();
        List<Step> rows = new ArrayList<>(t.steps.values());
        if (fault != null) {
            t.aftermath(fault, rows);
        }
        return t.table(brief ? fold(rows) : rows);
    }

    /** The steps from X's read (or its drain's take) to X's write, with every lost operation of the others. */
    private void race() {
        FreelistOp x = update.overwriting();
        takeOf(x);
        FreelistOp linked = update.allocatedAndLinked().or(update::handedOutTwice).orElse(null);
        List<FreelistOp> lost = update.lost();
        for (int i = 0; i < lost.size(); i++) {
            FreelistOp op = lost.get(i);
            boolean key = i == 0 || i == lost.size() - 1 || op == linked;
            String result = op == linked ? Hex.of(op.block()) + " handed out to T" + op.thread() : "";
            put(steps, op, key, "", result);
        }
        put(steps, x, true, "", lostUpdate());
    }

    /** X's take of the slab's remote queue, when X is draining it: where its blocks came from. */
    private void takeOf(FreelistOp x) {
        if (x.role() != Role.DRAIN) {
            return;
        }
        int cut = x.slab().indexOf("/slab");
        String superSlab = x.slab().substring(0, cut);
        long index = Long.parseLong(x.slab().substring(cut + "/slab".length()));
        Event take = null;
        for (Event e : dump.events()) {
            if (e.seq() >= x.read().seq()) {
                break;
            }
            if (e.thread() == x.thread() && e.label().equals(superSlab)) {
                if (e.point().equals(Event.DRAIN_ENTER)) {
                    take = null;
                    if (e.value() != index) {
                        continue;
                    }
                }
                if ("take".equals(e.role())) {
                    take = e;
                }
            }
        }
        if (take != null) {
            steps.put(take.seq(), new Step(take, "take remote_heads[" + index + "] = "
                    + Hex.of(take.value()), "", true, null));
        }
    }

    /** The rows of {@code op}: its read (when in the window) and its write. */
    /** Puts the rows of {@code op} into {@code into} by seq: its read (when in the window) and its write. */
    private static void put(TreeMap<Long, Step> into, FreelistOp op, boolean key, String readResult,
                            String writeResult) {
        if (op.read() != null) {
            into.put(op.read().seq(), new Step(op.read(), "read freelist = " + Hex.of(op.read().value()),
                    readResult, key, op));
        }
        String linkedTo = op.role().links() && op.read() != null ? " (linked to " + Hex.of(op.read().value()) + ")"
                : "";
        into.put(op.write().seq(), new Step(op.write(), "write freelist = " + Hex.of(op.write().value()) + linkedTo,
                writeResult, key, op));
    }

    /** The result at X's write: whose writes it overwrites, and what that does to which blocks. */
    private String lostUpdate() {
        Map<Integer, List<FreelistOp>> byThread = new LinkedHashMap<>();
        for (FreelistOp op : update.lost()) {
            byThread.computeIfAbsent(op.thread(), t -> new ArrayList<>()).add(op);
        }
        List<String> whose = new ArrayList<>();
        byThread.forEach((t, ops) -> whose.add("T" + t + "'s " + (ops.size() == 1 ? "write " : ops.size()
                + " writes ") + ops.get(0).write().step() + (ops.size() == 1 ? ""
                : ".." + ops.get(ops.size() - 1).write().step())));
        StringBuilder b = new StringBuilder("LOST UPDATE: overwrites ").append(String.join(" and ", whose));
        update.allocatedAndLinked().ifPresent(op -> b.append("; ").append(Hex.of(op.block()))
                .append(" is now handed out and linked"));
        update.handedOutTwice().ifPresent(op -> b.append("; ").append(Hex.of(op.block()))
                .append(" is handed out twice"));
        List<Long> dropped = update.dropped();
        if (!dropped.isEmpty()) {
            b.append("; ").append(dropped.size() == 1 ? Hex.of(dropped.get(0))
                    : dropped.size() + " blocks (" + Hex.of(dropped.get(0)) + " ...)")
                    .append(" dropped from the list (leaked)");
        }
        return b.toString();
    }

    /**
     * After the lost update, up to the fault: the operations that bring the relinked block back to the head and pop
     * it again, its clobbered link, the faulting read; and, when the fault address is the workload's bytes, the
     * inferred row where the workload wrote them.
     */
    private void aftermath(FaultSite fault, List<Step> rows) {
        long block = update.staleHead();
        long after = update.overwriting().write().seq();
        List<FreelistOp> ops = FreelistOp.pair(dump.events()).stream()
                .filter(op -> op.slab().equals(update.slab()) && op.write().seq() > after && op.read() != null)
                .filter(op -> op.read().value() == block || op.write().value() == block)
                .toList();
        TreeMap<Long, Step> later = new TreeMap<>();
        for (FreelistOp op : ops.subList(Math.max(0, ops.size() - AFTERMATH_OPS), ops.size())) {
            boolean popsBlock = op.role() == Role.POP && op.read().value() == block;
            String readResult = popsBlock ? Hex.of(block) + " popped again while still in use" : "";
            String writeResult = popsBlock ? linkResult(block, op.write().value(), fault)
                    : op.write().value() == block ? Hex.of(block) + " is the head again" : "";
            put(later, op, true, readResult, writeResult);
        }
        Event last = fault.last();
        if (last != null && last.seq() > after) {
            String what = last.isFreelistRead() ? "read freelist" : last.point();
            later.put(last.seq(), new Step(last, what + " = " + Hex.of(last.value()), "FAULT: "
                    + dump.fault().path("message").asText(), true, null));
        }
        inferredWrite(fault, block).ifPresent(rows::add);
        rows.addAll(later.values());
    }

    private String linkResult(long block, long link, FaultSite fault) {
        if (fault.address() != null && link == fault.address()) {
            return "link of " + Hex.of(block) + " is " + Hex.of(link) + " ("
                    + AddressClass.of(link, dump.heap()).id() + ")";
        }
        return "";
    }

    private Optional<Step> inferredWrite(FaultSite fault, long block) {
        if (fault.address() == null || !update.allocatedAndLinked().isPresent()) {
            return Optional.empty();
        }
        AddressClass c = AddressClass.of(fault.address(), dump.heap());
        if (c != AddressClass.AB_OVER_NULL && c != AddressClass.AB_OVER_LINK) {
            return Optional.empty();
        }
        int owner = update.allocatedAndLinked().get().thread();
        return Optional.of(new Step("-", owner, "(inferred, no event) the workload writes 'a','b' into "
                + Hex.of(block), "the link of a block still on the list is clobbered", true, null));
    }

    /** Runs of at least {@link #FOLD} unremarkable steps of one thread, folded into one row each. */
    private static List<Step> fold(List<Step> rows) {
        List<Step> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int j = i;
            while (j < rows.size() && !rows.get(j).key() && rows.get(j).thread() == rows.get(i).thread()) {
                j++;
            }
            if (j - i >= FOLD) {
                out.add(folded(rows.subList(i, j)));
                i = j;
            } else {
                out.add(rows.get(i));
                i++;
            }
        }
        return out;
    }

    private static Step folded(List<Step> run) {
        Step last = run.get(run.size() - 1);
        Set<FreelistOp> ops = new LinkedHashSet<>();
        run.stream().filter(s -> s.op() != null).forEach(s -> ops.add(s.op()));
        Set<Role> roles = ops.stream().map(FreelistOp::role).collect(Collectors.toSet());
        String cell;
        if (roles.size() == 1 && !ops.isEmpty()) {
            List<FreelistOp> list = new ArrayList<>(ops);
            cell = "... " + list.size() + " more " + list.get(0).role().word() + "s up to " + last.step() + ": "
                    + Hex.of(list.get(0).block()) + " ... " + Hex.of(list.get(list.size() - 1).block());
        } else {
            cell = "... " + run.size() + " more events up to " + last.step();
        }
        return new Step(run.get(0).step() + "..", run.get(0).thread(), cell, "", false, null);
    }

    private Table table(List<Step> rows) {
        List<Integer> threads = new ArrayList<>();
        Map<Integer, Set<String>> roles = new LinkedHashMap<>();
        for (Step s : rows) {
            if (!threads.contains(s.thread())) {
                threads.add(s.thread());
            }
            if (s.op() != null) {
                roles.computeIfAbsent(s.thread(), t -> new LinkedHashSet<>()).add(s.op().role().word());
            }
        }
        List<String> headers = new ArrayList<>();
        headers.add("step");
        for (int t : threads) {
            headers.add(dump.thread(t) + " (" + role(t, roles.getOrDefault(t, Set.of())) + ")");
        }
        headers.add("result");
        List<List<String>> cells = new ArrayList<>();
        for (Step s : rows) {
            List<String> row = new ArrayList<>();
            row.add(s.step());
            boolean prefix = s.op() != null && roles.get(s.thread()).size() > 1;
            for (int t : threads) {
                row.add(t != s.thread() ? "" : prefix ? s.op().role().word() + ": " + s.cell() : s.cell());
            }
            row.add(s.result());
            cells.add(row);
        }
        return new Table(headers, cells);
    }

    /** {@code pop; owner at snapshot}: what the thread did here and, when known, whether it owned the slab. */
    private String role(int thread, Set<String> roles) {
        List<String> parts = new ArrayList<>();
        if (!roles.isEmpty()) {
            parts.add(String.join(", ", roles));
        }
        JsonNode slab = dump.slab(update.slab());
        if (slab != null) {
            OptionalInt owner = dump.ownerOrdinal(slab);
            if (slab.path("ownerTid").asLong() == 0 || owner.isPresent()) {
                parts.add(owner.isPresent() && owner.getAsInt() == thread ? "owner at snapshot"
                        : "not the owner at snapshot");
            }
        }
        return String.join("; ", parts);
    }
}
