package wedge.sample;

/** A plain-field check-then-act: two threads that call {@link #claim} at once may both win. */
public final class OneShot {
    private boolean taken;

    /** Whether the caller took it; meant to be true for one caller only, and racy on purpose. */
    public boolean claim() {
        if (!taken) {
            taken = true;
            return true;
        }
        return false;
    }
}
