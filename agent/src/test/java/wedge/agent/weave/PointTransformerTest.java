package wedge.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wedge.agent.bootstrap.HookWiring;
import wedge.agent.bootstrap.Sink;
import wedge.agent.points.Point;
import wedge.agent.points.PointFile;
import wedge.agent.weave.standin.Slab;

/**
 * Weaves a stand-in class in-process (no agent, no Instrumentation) and checks what the hooks receive: field reads
 * after the read, writes before the write, call results, method operands. The only test that installs a sink in
 * this JVM.
 */
class PointTransformerTest {
    private static final List<String> SEEN = new ArrayList<>();

    @BeforeAll
    static void installRecordingSink() {
        HookWiring.install(new Sink() {
            @Override
            public void after(Object subject, long value, int point, String site) {
                SEEN.add("after " + point + " " + subject + " " + value);
            }

            @Override
            public void before(Object subject, long value, int point, String site) {
                SEEN.add("before " + point + " " + subject + " " + value);
            }

            @Override
            public void threadStart(Object child) {
            }

            @Override
            public void faultEntered() {
            }

            @Override
            public void fault(Object fault) {
            }

            @Override
            public void thrown(Object exception) {
            }

            @Override
            public void exiting(int status) {
            }

            @Override
            public long events() {
                return SEEN.size();
            }
        }, true);
    }

    @Test
    void hooksSeeEveryPointWithItsSubjectAndValue() throws Exception {
        String s = "wedge.agent.weave.standin.Slab";
        List<Point> points = PointFile.parse("test",
                "field-read  " + s + "#freelist  r\n"
                + "field-write " + s + "#freelist  w\n"
                + "call-site java.util.concurrent.atomic.AtomicLongArray#getAndSet take in " + s + "#claim\n"
                + "method-exit " + s + "#claim  claim  label=arg0 value=return\n"
                + "method-enter " + s + "#claim  enter value=arg1\n").points();
        PointTransformer weaver = new PointTransformer(points,
                HookMethods.load(ClassFileLocator.ForClassLoader.of(getClass().getClassLoader())));
        Class<?> woven = weaver.transform(new ByteBuddy().redefine(Slab.class), TypeDescription.ForLoadedType.of(Slab.class),
                        null, null, null)
                .make()
                .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        Object slab = woven.getConstructor(String.class).newInstance("ss0/slab5");
        Object other = woven.getConstructor(String.class).newInstance("ss0/slab6");
        woven.getMethod("pop").invoke(slab);
        woven.getMethod("claim", woven, int.class).invoke(slab, other, 3);
        assertEquals(List.of("after 0 ss0/slab5 0", "before 1 ss0/slab5 8",
                "after 4 ss0/slab5 3", "after 2 ss0/slab5 0", "before 3 ss0/slab6 1"), SEEN);
    }
}
