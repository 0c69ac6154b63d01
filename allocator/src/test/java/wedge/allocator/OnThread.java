package wedge.allocator;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs test code on a thread of its own, bounded in time, so tests can play several heap threads in turn. */
final class OnThread {
    private OnThread() {
    }

    static <T> T call(Callable<T> body) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            return one.submit(body).get(10, TimeUnit.SECONDS);
        } finally {
            one.shutdownNow();
        }
    }
}
