package wedge.agent.weave;

import java.io.IOException;
import java.lang.instrument.IllegalClassFormatException;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.utility.JavaModule;

/**
 * Where Byte Buddy's weaver finds the class files it reads besides the one it weaves (a field's owner, to match a
 * field point; superclasses, to compute stack map frames), noting each one, found or not, for the woven-class cache.
 *
 * <p>Invariant: a weaving reads other classes only inside its own {@code transform} call, on the calling thread (the
 * type pool of a transformation is made for it and dropped after it), so what one thread records while it weaves is
 * exactly what that weaving read.
 */
final class DependencyRecorder implements AgentBuilder.LocationStrategy {
    private final ThreadLocal<List<Woven.Dependency>> recording = new ThreadLocal<>();

    /** One weaving: Byte Buddy's transformer applied to one class file. */
    interface Weave {
        /** The woven class file, or null when it is left as it was. */
        byte[] run() throws IllegalClassFormatException;
    }

    /** Runs {@code weaving} on this thread, recording what it reads. */
    Woven record(Weave weaving) throws IllegalClassFormatException {
        List<Woven.Dependency> outer = recording.get();
        List<Woven.Dependency> read = new ArrayList<>();
        recording.set(read);
        try {
            return new Woven(weaving.run(), read.stream().distinct().toList());
        } finally {
            recording.set(outer);
        }
    }

    @Override
    public ClassFileLocator classFileLocator(ClassLoader loader, JavaModule module) {
        ClassFileLocator found = AgentBuilder.LocationStrategy.ForClassLoader.STRONG.classFileLocator(loader, module);
        return new ClassFileLocator() {
            @Override
            public Resolution locate(String name) throws IOException {
                Resolution r = found.locate(name);
                List<Woven.Dependency> read = recording.get();
                if (read != null && !Woven.Dependency.isPlatform(name)) {
                    read.add(Woven.Dependency.of(name, r.isResolved() ? r.resolve() : null));
                }
                return r;
            }

            @Override
            public void close() throws IOException {
                found.close();
            }
        };
    }
}
