package wedge.agent.runtime;

/**
 * One recorded passing of a point, as read back from the ring.
 *
 * @param seq     global order of recording, from 0
 * @param thread  agent ordinal of the thread
 * @param point   point id
 * @param site    enclosing method, as {@code Method#toString()} renders it
 * @param subject the field owner or receiver; rendered with {@code toString()} only when a dump is written
 * @param value   value read, written, returned or chosen by the point
 * @param nanos   {@code System.nanoTime()} when recorded
 */
public record Event(long seq, int thread, int point, String site, Object subject, long value, long nanos) {
}
