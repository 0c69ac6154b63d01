package wedge.contract;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Wedge's per-user cache directory: {@code $XDG_CACHE_HOME/wedge}, or {@code ~/.cache/wedge}. The agent keeps the
 * jar of its hook classes there, the classes it wove (in {@code woven/}) and the pairs a hunt learned (in
 * {@code pairs/}), the JUnit extension the agent jar it attaches, and {@code scripts/wedge} the class-data sharing
 * archives of the CLI's JVM (in {@code cds/}, made and checked by the script itself on the same terms as here).
 *
 * <p>What it holds is loaded as code (the bootstrap class path, an agent), so nobody but its user may write there: the
 * directory is made 0700 and refused when it is a link, belongs to someone else, or is writable by group or others.
 * Files appear in it only by an atomic rename of a complete temporary file, so JVMs starting at the same moment never
 * see half of one, and since a file's name is the hash of its content they agree on what it holds.
 */
public final class UserCache {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    private UserCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The cache of the current user, made when missing.
     *
     * @throws IOException when it cannot be made or is not safe to load code from
     */
    public static UserCache open() throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("wedge"));
    }

    /**
     * A cache in {@code dir}, made (0700) when missing, with the same safety as the user's own.
     *
     * @throws IOException when it cannot be made or is not safe to load code from
     */
    public static UserCache at(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // made by a JVM starting at the same moment; checked below like any other
            }
        }
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new IOException("cannot check who may write to " + dir, e);
        }
        String me = System.getProperty("user.name");
        if (!attrs.isDirectory() || !attrs.owner().getName().equals(me)
                || attrs.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attrs.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(dir + " is not a directory of " + me + " that only " + me + " can write");
        }
        return new UserCache(dir);
    }

    /**
     * The cache in subdirectory {@code name}, made when missing.
     *
     * @throws IOException when it cannot be made or is not safe to load code from
     */
    public UserCache subdirectory(String name) throws IOException {
        return at(dir.resolve(name));
    }

    /** The cache's directory. */
    public Path path() {
        return dir;
    }

    /**
     * The file {@code name}, written with {@code content} unless a complete copy is already there.
     *
     * @param name a name that determines the content (its hash), so an existing file is taken as is
     * @throws IOException when it cannot be written
     */
    public Path file(String name, byte[] content) throws IOException {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, ".wedge-", ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
