package wedge.agent.runtime;

import wedge.agent.bootstrap.Sink;

/**
 * The sink woven code reports to, which forwards to the run under way, or to nothing between runs.
 *
 * <p>{@code Hooks} keeps one sink for the life of the JVM (a constant the JIT folds), so starting a new run is
 * swapping what this forwards to. Between runs an armed point only performs its access, and a fault is thrown as if
 * no agent were there.
 */
public final class RunSwitch implements Sink {
    private volatile Dispatcher run;

    /** @param first the run the agent starts with, or null for none until {@link #set} names one */
    public RunSwitch(Dispatcher first) {
        this.run = first;
    }

    /** Makes {@code next} (null for none) the run points report to. */
    public void set(Dispatcher next) {
        run = next;
    }

    @Override
    public void after(Object subject, long value, int point, String site) {
        Dispatcher d = run;
        if (d != null) {
            d.after(subject, value, point, site);
        }
    }

    @Override
    public void before(Object subject, long value, int point, String site) {
        Dispatcher d = run;
        if (d != null) {
            d.before(subject, value, point, site);
        }
    }

    @Override
    public void threadStart(Object child) {
        Dispatcher d = run;
        if (d != null) {
            d.threadStart(child);
        }
    }

    @Override
    public void faultEntered() {
        Dispatcher d = run;
        if (d != null) {
            d.faultEntered();
        }
    }

    @Override
    public void fault(Object fault) {
        Dispatcher d = run;
        if (d != null) {
            d.fault(fault);
        }
    }

    @Override
    public void thrown(Object exception) {
        Dispatcher d = run;
        if (d != null) {
            d.thrown(exception);
        }
    }

    @Override
    public void exiting(int status) {
        Dispatcher d = run;
        if (d != null) {
            d.exiting(status);
        }
    }

    /** {@code fault} escaped the calling thread uncaught: a fault of the run under way, if any. */
    public void uncaught(Throwable fault) {
        Dispatcher d = run;
        if (d != null) {
            d.uncaught(fault);
        }
    }

    @Override
    public long events() {
        Dispatcher d = run;
        return d == null ? 0 : d.events();
    }
}
