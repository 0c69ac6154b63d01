package wedge.repro.dump;

/** A file that is not a readable Wedge dump; the message names the file and what is wrong with it. */
public final class BadDump extends Exception {
    private static final long serialVersionUID = 1L;

    BadDump(String message) {
        super(message);
    }
}
