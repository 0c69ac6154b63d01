package wedge.repro.workload;

/**
 * What a workload did.
 *
 * @param ops       malloc and free calls
 * @param elapsedNs wall time of the measured part
 */
public record WorkloadResult(long ops, long elapsedNs) {
    /** Operations per second, as Larson prints it. */
    public double throughput() {
        return elapsedNs == 0 ? 0 : ops * 1e9 / elapsedNs;
    }
}
