import java.util.concurrent.CyclicBarrier;
import org.joda.time.Chronology;
import org.joda.time.DateTime;
import org.joda.time.chrono.ISOChronology;
import org.joda.time.convert.AbstractConverter;
import org.joda.time.convert.ConverterManager;
import org.joda.time.convert.InstantConverter;

/**
 * joda-time 2.12.7 as a program would use it: two modules start at once, each registers a converter for its own
 * timestamp type with joda-time's ConverterManager, then converts one of its timestamps. ConverterManager.getInstance()
 * is a lazy initialisation of a plain static field (JodaOrg/joda-time pull request 776, "2 threads were racing to
 * call ConverterManager.getInstance()", fixed after 2.12.7): when both threads find it null, each makes a manager,
 * the second write wins, and the converter registered on the first one is gone. That module's conversion then throws
 * IllegalArgumentException ("No instant converter found for type: ConverterRace$Stamp"), uncaught.
 *
 * <p>Usage: {@code java -cp joda-time-2.12.7.jar:. ConverterRace}.
 */
public class ConverterRace {
    /** One module's timestamp: milliseconds since the epoch. */
    record Stamp(long millis) {
    }

    /** The other module's timestamp: seconds since the epoch. */
    record Tick(long seconds) {
    }

    /** Teaches joda-time to read a {@link Stamp}. */
    static final class StampConverter extends AbstractConverter implements InstantConverter {
        @Override
        public long getInstantMillis(Object object, Chronology chrono) {
            return ((Stamp) object).millis();
        }

        @Override
        public Class<?> getSupportedType() {
            return Stamp.class;
        }
    }

    /** Teaches joda-time to read a {@link Tick}. */
    static final class TickConverter extends AbstractConverter implements InstantConverter {
        @Override
        public long getInstantMillis(Object object, Chronology chrono) {
            return ((Tick) object).seconds() * 1000;
        }

        @Override
        public Class<?> getSupportedType() {
            return Tick.class;
        }
    }

    public static void main(String[] args) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Thread stamps = module("stamps", start, new StampConverter(), new Stamp(0));
        Thread ticks = module("ticks", start, new TickConverter(), new Tick(86_400));
        stamps.start();
        ticks.start();
        stamps.join();
        ticks.join();
    }

    /** A module's thread: registers its converter once both are ready, then converts one of its timestamps. */
    private static Thread module(String name, CyclicBarrier start, InstantConverter converter, Object timestamp) {
        return new Thread(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            ConverterManager.getInstance().addInstantConverter(converter);
            System.out.println(name + ": " + new DateTime(timestamp, ISOChronology.getInstanceUTC()));
        }, name);
    }
}
