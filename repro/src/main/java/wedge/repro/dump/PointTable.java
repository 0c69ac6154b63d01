package wedge.repro.dump;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a dump's points mean, from the dump's own point table: each point's kind, the field or method it stands for,
 * and its role, which may depend on the site that passed it. The reader interprets events through this table only.
 *
 * <p>A dump of format {@code wedge-dump/1} carries no roles; those dumps all came from the allocator's profile, so
 * their roles are read from that profile ({@code wedge/profiles/allocator.points} on the class path).
 */
public final class PointTable {
    /** Where the allocator's profile is on the class path: the roles of dumps that carry none. */
    private static final String ALLOCATOR_PROFILE = "wedge/profiles/allocator.points";
    private static PointTable allocator;

    private final Map<String, Entry> byName;
    /** Whether the table gives roles itself; if not, they come from the allocator's profile. */
    private final boolean hasRoles;

    private PointTable(Map<String, Entry> byName, boolean hasRoles) {
        this.byName = byName;
        this.hasRoles = hasRoles;
    }

    /**
     * One point: its kind ({@code field-read} ...), its target ({@code Class#member}), role and site roles, and its
     * field's type when the dump says it (automatic points), else null.
     */
    record Entry(String kind, String target, String role, Map<String, String> siteRoles, String fieldType) {
        /** The member part of the target: the field's or the method's name. */
        String member() {
            return target.substring(target.indexOf('#') + 1);
        }
    }

    /** The table of a dump's {@code points} array; roles from the allocator's profile when the dump has none. */
    public static PointTable of(JsonNode points) {
        Map<String, Entry> byName = new HashMap<>();
        boolean roles = false;
        for (JsonNode p : points) {
            Map<String, String> sites = new HashMap<>();
            p.path("siteRoles").fields().forEachRemaining(f -> sites.put(f.getKey(), f.getValue().asText()));
            roles |= p.has("role");
            byName.put(p.path("name").asText(), new Entry(p.path("kind").asText(), p.path("target").asText(),
                    p.path("role").isTextual() ? p.path("role").asText() : null, sites,
                    p.path("fieldType").isTextual() ? p.path("fieldType").asText() : null));
        }
        return new PointTable(byName, roles);
    }

    /**
     * The roles of the allocator's profile, for events that come with no table (dumps of {@code wedge-dump/1}).
     * Only its role attributes and {@code role} lines are read; kinds and targets stay unknown.
     */
    static synchronized PointTable allocator() {
        if (allocator == null) {
            allocator = new PointTable(profileRoles(readAllocatorProfile()), true);
        }
        return allocator;
    }

    private static String readAllocatorProfile() {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(ALLOCATOR_PROFILE)) {
            if (in == null) {
                throw new IllegalStateException(ALLOCATOR_PROFILE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + ALLOCATOR_PROFILE + ": " + e, e);
        }
    }

    /** The roles a profile's text gives: {@code role=WORD} on point lines, {@code role WORD in SITE NAME...}. */
    private static Map<String, Entry> profileRoles(String text) {
        Map<String, Entry> byName = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            String[] t = line.replaceFirst("(^|\\s)#.*", "").trim().split("\\s+");
            if (t.length >= 5 && t[0].equals("role") && t[2].equals("in")) {
                for (int i = 4; i < t.length; i++) {
                    Entry e = byName.get(t[i]);
                    Map<String, String> sites = new HashMap<>(e.siteRoles());
                    sites.put(t[3], t[1]);
                    byName.put(t[i], new Entry(e.kind(), e.target(), e.role(), sites, null));
                }
            } else if (t.length >= 3 && t[1].contains("#")) {
                String role = null;
                for (String token : t) {
                    role = token.startsWith("role=") ? token.substring(5) : role;
                }
                byName.put(t[2], new Entry(t[0], t[1], role, Map.of(), null));
            }
        }
        return byName;
    }

    /** The role of point {@code name} where {@code site} passed it; null when the table gives none. */
    public String role(String name, String site) {
        if (!hasRoles) {
            return allocator().role(name, site);
        }
        Entry e = byName.get(name);
        return e == null ? null : e.siteRoles().getOrDefault(site, e.role());
    }

    /**
     * A value of point {@code name} decoded, when the point is a {@code float} or {@code double} field's (whose
     * values are recorded as raw bits): {@code 2.5}; else null.
     */
    public String decoded(String name, long value) {
        Entry e = byName.get(name);
        String type = e == null ? null : e.fieldType();
        if ("double".equals(type)) {
            return Double.toString(Double.longBitsToDouble(value));
        }
        if ("float".equals(type)) {
            return Float.toString(Float.intBitsToFloat((int) value));
        }
        return null;
    }

    /** Point {@code name}, or null when the table has no such point. */
    Entry entry(String name) {
        return byName.get(name);
    }
}
