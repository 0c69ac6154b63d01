package wedge.agent.weave;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 digests that name what the agent keeps between runs. */
public final class Digests {
    private Digests() {
    }

    /** A fresh SHA-256 digest, which every JVM has. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The first 16 hex digits of {@code digest}: enough to name a file after what it was computed over. */
    public static String hex16(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** The first 16 hex digits of the SHA-256 of {@code text} in UTF-8. */
    public static String hex16(String text) {
        return hex16(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
