package wedge.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * What weaving one class file gave, as the woven-class cache keeps it.
 *
 * @param classFile    the woven class file, or null when the weaver left the class as it was
 * @param dependencies the other classes the weaver read to weave it (a field's owner, a superclass), as they were
 */
record Woven(byte[] classFile, List<Dependency> dependencies) {
    Woven {
        dependencies = List.copyOf(dependencies);
    }

    /** Whether every class this weaving read is still what it was, as {@code loader} finds it now. */
    boolean stillHolds(ClassLoader loader) {
        for (Dependency d : dependencies) {
            if (!d.holds(loader)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A class the weaver read through the woven class's loader, outside the JDK (the JDK's classes are covered by the
     * key, which names the runtime).
     *
     * @param name   binary class name
     * @param sha256 the digest of its class file, or null when the loader did not find it
     */
    record Dependency(String name, byte[] sha256) {
        /** {@code name} as found with {@code classFile}, or not found when that is null. */
        static Dependency of(String name, byte[] classFile) {
            return new Dependency(name, classFile == null ? null : Digests.sha256().digest(classFile));
        }

        /** Whether {@code name} is one of the JDK's classes (or the agent's bootstrap classes, named by its build). */
        static boolean isPlatform(String name) {
            return ClassLoader.getPlatformClassLoader().getResource(path(name)) != null;
        }

        /** Whether {@code loader} (null: the bootstrap loader) finds this class as it was. */
        boolean holds(ClassLoader loader) {
            ClassLoader finder = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
            try (InputStream in = finder.getResourceAsStream(path(name))) {
                if (in == null) {
                    return sha256 == null;
                }
                return sha256 != null && MessageDigest.isEqual(sha256, Digests.sha256().digest(in.readAllBytes()));
            } catch (IOException e) {
                return false;
            }
        }

        private static String path(String name) {
            return name.replace('.', '/') + BootstrapJar.CLASS;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Dependency d && d.name.equals(name) && Arrays.equals(d.sha256, sha256);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(sha256);
        }
    }
}
