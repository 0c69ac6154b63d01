package wedge.repro.stress;

/**
 * What a stress run found.
 *
 * @param ops         malloc and free calls made
 * @param faults      threads ended by a fault, an allocator error, or a hang
 * @param doubleAlloc blocks handed out while already live
 * @param leaked      blocks neither live, free, queued nor cached at the end
 */
public record StressResult(long ops, long faults, long doubleAlloc, long leaked) {
    /** The line {@code wedge stress} ends with. */
    public String line() {
        return "ops=" + ops + " faults=" + faults + " double_alloc=" + doubleAlloc + " leaked=" + leaked;
    }
}
