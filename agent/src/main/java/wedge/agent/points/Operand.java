package wedge.agent.points;

/**
 * Which value of a method point goes into its event: the subject ({@code label=}) or the value ({@code value=}).
 *
 * @param source where it comes from
 * @param index  the argument index when {@code source} is {@link Source#ARG}, else -1
 */
public record Operand(Source source, int index) {
    /** The origins an operand can have. */
    public enum Source {
        /** The method's receiver. */
        THIS,
        /** One of the method's arguments. */
        ARG,
        /** The method's return value (exit points only). */
        RETURN,
        /** Nothing: the event carries null or 0. */
        NONE
    }

    /** The receiver. */
    public static final Operand THIS = new Operand(Source.THIS, -1);
    /** The return value. */
    public static final Operand RETURN = new Operand(Source.RETURN, -1);
    /** No value. */
    public static final Operand NONE = new Operand(Source.NONE, -1);

    /** Argument {@code index}, counted from 0. */
    public static Operand arg(int index) {
        return new Operand(Source.ARG, index);
    }

    @Override
    public String toString() {
        return source == Source.ARG ? "arg" + index : source.name().toLowerCase(java.util.Locale.ROOT);
    }
}
