package wedge.agent.runtime;

/**
 * Where a thread stood when it made one of the JDK's usual suspects ({@code NullPointerException} and the like):
 * kept so that, should that same exception escape the thread uncaught, the fault is described at its throw rather
 * than at its escape. Making one costs this record and nothing more: no stop, no dump.
 *
 * @param exception the exception made
 * @param nanos     {@code System.nanoTime()} when its constructor ended
 * @param lastPoint the id of the last point the thread had passed, -1 for none (or a thread that never passed one)
 * @param lastSite  the enclosing method of that point, or null
 * @param lastLocal that point's event number in the thread's own log, -1 for none
 */
public record Thrown(Throwable exception, long nanos, int lastPoint, String lastSite, long lastLocal) {
}
