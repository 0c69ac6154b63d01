package wedge.agent.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Option values that are the constants of an enum, typed in lower case ({@code on-fault=throw} is
 * {@link OnFault#THROW}): one spelling rule, so the name users type and the list of valid values cannot drift.
 */
public final class Choice {
    private Choice() {
    }

    /** The name users type for {@code value}. */
    public static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} named {@code id}, or null. */
    static <E extends Enum<E>> E byId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> id(e).equals(id)).findFirst().orElse(null);
    }

    /** Every name of {@code type}, comma-separated, for the message that refuses another. */
    static String ids(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::id).collect(Collectors.joining(", "));
    }
}
