package wedge.agent.capture;

/** Turns a method's {@code toString()} form, as woven code carries it, into {@code Class#method}. */
public final class Sites {
    private Sites() {
    }

    /** {@code "public long a.B.pop(int)"} becomes {@code "a.B#pop"}; null stays null. */
    public static String shorten(String site) {
        if (site == null) {
            return null;
        }
        int paren = site.indexOf('(');
        String head = paren < 0 ? site : site.substring(0, paren);
        String qualified = head.substring(head.lastIndexOf(' ') + 1);
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(0, dot) + "#" + qualified.substring(dot + 1);
    }
}
