package wedge.junit.example;

/** The examples' fault type: a ticket number handed out twice. */
public final class DuplicateTicket extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Ticket {@code ticket} was taken a second time. */
    public DuplicateTicket(long ticket) {
        super("ticket " + ticket + " taken twice");
    }
}
