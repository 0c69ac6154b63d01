package wedge.agent.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a {@link Script}: the current step's thread runs until it reaches the step's point (or, for
 * {@code past}, the point after it), then the next step's thread runs. Where no step decides, because the named
 * thread has not started yet or the script is over, the running thread keeps running until it ends or blocks, then
 * the waiting thread with the lowest ordinal runs: no context switch the script did not ask for.
 *
 * <p>A thread already waiting at a point that matches its step completes the step at once; each arrival completes at
 * most one step. A step whose thread ends or blocks before it gets there is skipped, and the dump says so.
 */
final class ScriptSearch implements Search {
    private final Script script;
    private int index;
    /** The current step's thread has performed its {@code past} point; the step ends at its next point. */
    private boolean passing;
    private final List<String> skipped = new ArrayList<>();

    ScriptSearch(Script script) {
        this.script = script;
    }

    @Override
    public Member pick(List<Member> ready, List<Member> all, Member from, long decision) {
        if (index < script.steps().size() && from != null && script.steps().get(index).names(from)) {
            if (from.status != Member.Status.READY) {
                if (!passing && !script.steps().get(index).toEnd()) {
                    skipped.add("line " + script.steps().get(index).line() + ": " + from.describe()
                            + " ended or blocked first");
                }
                next();
            } else if (passing) {
                next();
            }
        }
        while (index < script.steps().size()) {
            Step s = script.steps().get(index);
            Member target = find(s, all);
            if (target == null || target.status == Member.Status.STARTING) {
                break;
            }
            if (target.status == Member.Status.DONE || target.status == Member.Status.LEFT) {
                skipped.add("line " + s.line() + ": " + target.describe() + " had ended or blocked");
                next();
                continue;
            }
            if (!passing && target.at != null && target.at.hit() != target.consumedHit && s.matches(target.at)) {
                if (s.past()) {
                    passing = true;
                    return target;
                }
                target.consumedHit = target.at.hit();
                next();
                continue;
            }
            return target;
        }
        return from != null && from.status == Member.Status.READY ? from : ready.get(0);
    }

    private void next() {
        index++;
        passing = false;
    }

    private static Member find(Step s, List<Member> all) {
        for (Member m : all) {
            if (s.names(m)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search", "script");
        m.put("script", script.source());
        m.put("steps", script.steps().size());
        m.put("reached", index - skipped.size());
        m.put("skipped", List.copyOf(skipped));
        return m;
    }
}
