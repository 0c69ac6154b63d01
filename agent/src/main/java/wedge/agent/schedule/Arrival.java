package wedge.agent.schedule;

/**
 * Where a thread waits for its turn: the point it has reached.
 *
 * @param point   point id
 * @param name    point name
 * @param site    enclosing method, as woven code reports it ({@code Method#toString()})
 * @param subject the point's subject, or null; rendered with {@code toString()} only when a script asks for a label
 * @param value   the point's value
 * @param hit     how many points the thread passed before this one
 */
record Arrival(int point, String name, String site, Object subject, long value, long hit) {
}
