package wedge.agent.weave;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import wedge.agent.log.Log;
import wedge.contract.UserCache;

/**
 * Woven class files kept between runs, one file per {@link WeaveKey}, so that a warm run serves its classes without
 * building Byte Buddy's weaver at all.
 *
 * <p>Invariants. An entry appears only by an atomic rename of a complete file, so JVMs filling the cache at once (a
 * sweep) never see half of one; two that weave the same class write the same bytes. Every entry carries the SHA-256
 * of its content: a truncated or corrupt entry is a miss, woven again and replaced, never a wrong class. An entry's
 * modification time is its last use; past its bound ({@link #MAX_BYTES} unless told) the least recently used entries
 * are deleted, by whichever JVM stored the entry that went over.
 */
final class WeaveCache {
    /** The bound on the entries' total size. */
    static final long MAX_BYTES = 64L << 20;
    private static final int MAGIC = 0x57575631;
    private static final String SUFFIX = ".woven";
    private static final int SHA_BYTES = 32;

    private final Path dir;
    private final long maxBytes;
    private volatile boolean writable = true;

    /**
     * @param dir      an existing directory only this user can write
     * @param maxBytes the bound on the entries' total size
     */
    WeaveCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /**
     * The cache that option {@code weave-cache} names: null (the default) for {@code woven/} in the user's cache,
     * {@code off} for none, else a directory. A cache that cannot be used is none, with one warning naming it: a run
     * without the cache is slower, not wrong.
     *
     * @param agent the running agent; one packaged without a build stamp keeps nothing
     * @return the cache, or null for none
     */
    static WeaveCache open(String option, AgentJar agent) {
        if ("off".equals(option)) {
            return null;
        }
        if (agent.build() == null) {
            Log.debug("no woven-class cache: " + agent.path() + " has no build stamp to key it by");
            return null;
        }
        try {
            return new WeaveCache((option == null ? UserCache.open().subdirectory("woven")
                    : UserCache.at(Path.of(option))).path(), MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            Log.warn("woven-class cache " + (option == null ? "in the user cache" : option) + " cannot be used, "
                    + "classes are woven anew: " + e.getMessage());
            return null;
        }
    }

    /** The cache's directory. */
    Path dir() {
        return dir;
    }

    /**
     * The entry of {@code key} if there is one, whole, and every class it read is as it was for {@code loader}.
     *
     * @return the entry, or null for a miss
     */
    Woven lookup(String key, ClassLoader loader) {
        Path file = dir.resolve(key + SUFFIX);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            Log.debug("woven-class cache entry " + file + " cannot be read, woven anew: " + e);
            return null;
        }
        Woven woven;
        try {
            woven = decode(key, bytes);
        } catch (IOException e) {
            Log.debug("woven-class cache entry " + file + " is damaged (" + e.getMessage() + "), woven anew");
            return null;
        }
        if (!woven.stillHolds(loader)) {
            Log.debug("woven-class cache entry " + file + " read classes that have changed since, woven anew");
            return null;
        }
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only its place in the eviction order is lost
        }
        return woven;
    }

    /** Keeps {@code woven} as the entry of {@code key}, replacing any, then evicts past the bound. */
    void store(String key, Woven woven) {
        if (!writable) {
            return;
        }
        try {
            Path tmp = Files.createTempFile(dir, ".woven-", ".tmp");
            try {
                Files.write(tmp, encode(key, woven));
                Files.move(tmp, dir.resolve(key + SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            evict();
        } catch (IOException e) {
            writable = false;
            Log.warn("woven-class cache " + dir + " cannot be written, the classes woven now are not kept: " + e);
        }
    }

    /** Deletes the least recently used entries until the rest fit the bound. */
    private void evict() throws IOException {
        record Entry(Path file, long size, FileTime used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    entries.add(new Entry(f, a.size(), a.lastModifiedTime()));
                    total += a.size();
                } catch (NoSuchFileException e) {
                    // evicted by another JVM meanwhile
                }
            }
        }
        if (total <= maxBytes) {
            return;
        }
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            Files.deleteIfExists(e.file());
            total -= e.size();
        }
    }

    /** Magic, the content's length and SHA-256, then the content: key, dependencies, class file. */
    static byte[] encode(String key, Woven woven) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(content);
        out.writeUTF(key);
        out.writeInt(woven.dependencies().size());
        for (Woven.Dependency d : woven.dependencies()) {
            out.writeUTF(d.name());
            out.writeBoolean(d.sha256() != null);
            if (d.sha256() != null) {
                out.write(d.sha256());
            }
        }
        out.writeInt(woven.classFile() == null ? -1 : woven.classFile().length);
        if (woven.classFile() != null) {
            out.write(woven.classFile());
        }
        byte[] body = content.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream(body.length + 40);
        DataOutputStream head = new DataOutputStream(file);
        head.writeInt(MAGIC);
        head.writeInt(body.length);
        head.write(Digests.sha256().digest(body));
        head.write(body);
        return file.toByteArray();
    }

    /** The entry of {@code key} in {@code bytes}, or IOException saying how it is damaged. */
    static Woven decode(String key, byte[] bytes) throws IOException {
        DataInputStream head = new DataInputStream(new ByteArrayInputStream(bytes));
        if (bytes.length < 8 + SHA_BYTES || head.readInt() != MAGIC) {
            throw new IOException("not a woven-class entry");
        }
        int length = head.readInt();
        if (length != bytes.length - 8 - SHA_BYTES) {
            throw new IOException("truncated: " + (bytes.length - 8 - SHA_BYTES) + " of " + length + " bytes");
        }
        byte[] sha = head.readNBytes(SHA_BYTES);
        byte[] body = Arrays.copyOfRange(bytes, 8 + SHA_BYTES, bytes.length);
        if (!MessageDigest.isEqual(sha, Digests.sha256().digest(body))) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        if (!in.readUTF().equals(key)) {
            throw new IOException("the entry of another key");
        }
        int n = in.readInt();
        List<Woven.Dependency> dependencies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            dependencies.add(new Woven.Dependency(name, in.readBoolean() ? in.readNBytes(SHA_BYTES) : null));
        }
        int size = in.readInt();
        return new Woven(size < 0 ? null : in.readNBytes(size), dependencies);
    }
}
