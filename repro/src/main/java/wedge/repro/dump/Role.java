package wedge.repro.dump;

/**
 * What a thread was doing to a list head such as a slab's {@code freelist}, told by the role the dump's point table
 * gives the access. Each of the list roles reads the head and then writes it (so a write always follows its own
 * read).
 */
public enum Role {
    /** {@code pop}: takes the head off; reads the head, writes the head's link. */
    POP("pop"),
    /** {@code push}: puts a block on; reads the head, links a block to it, writes the block as the new head. */
    PUSH("push"),
    /** {@code drain}: moves a queue onto the list; per node reads the head, links the node to it, writes it. */
    DRAIN("drain"),
    /** Any other role, or none: a read with no write of its own, such as a refill's emptiness check. */
    OTHER("access");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    /** The role named {@code word} in a point table; {@link #OTHER} for any other word, or null. */
    public static Role of(String word) {
        for (Role r : values()) {
            if (r != OTHER && r.word.equals(word)) {
                return r;
            }
        }
        return OTHER;
    }

    /** The short word reports use: pop, push, drain. */
    public String word() {
        return word;
    }

    /** Whether the write of this role puts a block on the list (its written value), rather than taking one off. */
    public boolean links() {
        return this == PUSH || this == DRAIN;
    }
}
