package io.github.syndic.internal;

import io.github.syndic.format.FormatException;
import io.github.syndic.minhash.MinHashScheme;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.text.TextNormalizer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How every persisted form stores a {@link MinHashSpec}, so that a signature and an index snapshot
 * write, read, check and name a spec the same way (big-endian):
 *
 * <pre>
 * head (5 bytes): byte scheme id ({@link MinHashScheme#id()}), byte shingle kind (0 word,
 *                 1 char), byte shingle n, byte normalizer flags (bit 0: teh marbuta folded),
 *                 byte normalizer rules version ({@link TextNormalizer#RULES_VERSION})
 * gap:            reserved zero bytes, as many as the form has (a signature: 2; a snapshot: 0)
 * tail (20 bytes): int k, long seed, long spec fingerprint ({@link MinHashSpec#fingerprint()})
 * </pre>
 *
 * <p>Reading takes the fields as they are ({@link Stored}); the form then checks its length and
 * checksum before it asks for the spec ({@link Stored#spec}) or compares ({@link
 * Stored#matches}), so a damaged file is called damaged rather than foreign.
 *
 * <p>Internal. Stateless and thread-safe.
 */
public final class SpecCodec {
  /** Bytes of the head (scheme, kind, n, normalizer flags, rules version). */
  public static final int HEAD_BYTES = 5;

  /** Bytes of the tail (k, seed, fingerprint). */
  public static final int TAIL_BYTES = 20;

  private SpecCodec() {}

  /** Writes {@code spec}: head, {@code gap} zero bytes, tail. */
  public static void write(ByteBuffer buf, MinHashSpec spec, int gap) {
    buf.put(spec.scheme().id());
    buf.put(kindOf(spec));
    buf.put((byte) spec.shingles().n());
    buf.put(flagsOf(spec));
    buf.put((byte) TextNormalizer.RULES_VERSION);
    for (int i = 0; i < gap; i++) {
      buf.put((byte) 0);
    }
    buf.putInt(spec.k());
    buf.putLong(spec.seed());
    buf.putLong(spec.fingerprint());
  }

  /** Writes {@code spec}: head and tail, no gap. */
  public static void write(DataOutput out, MinHashSpec spec) throws IOException {
    out.writeByte(spec.scheme().id());
    out.writeByte(kindOf(spec));
    out.writeByte(spec.shingles().n());
    out.writeByte(flagsOf(spec));
    out.writeByte(TextNormalizer.RULES_VERSION);
    out.writeInt(spec.k());
    out.writeLong(spec.seed());
    out.writeLong(spec.fingerprint());
  }

  /** Reads head, {@code gap} bytes (ignored) and tail, unchecked. */
  public static Stored read(ByteBuffer buf, int gap) {
    byte scheme = buf.get();
    byte kind = buf.get();
    int n = buf.get() & 0xFF;
    byte flags = buf.get();
    int rules = buf.get() & 0xFF;
    buf.position(buf.position() + gap);
    return new Stored(scheme, kind, n, flags, rules, buf.getInt(), buf.getLong(), buf.getLong());
  }

  /** Reads head and tail (no gap), unchecked. */
  public static Stored read(DataInput in) throws IOException {
    byte scheme = in.readByte();
    byte kind = in.readByte();
    int n = in.readByte() & 0xFF;
    byte flags = in.readByte();
    int rules = in.readByte() & 0xFF;
    return new Stored(scheme, kind, n, flags, rules, in.readInt(), in.readLong(), in.readLong());
  }

  /** {@code spec} as {@link Stored#describe()} names a stored one. */
  public static String describe(MinHashSpec spec) {
    return "scheme=" + spec.scheme().id() + " shingles=" + spec.shingles().describe()
        + " foldTehMarbuta=" + flagsOf(spec) + " rules=v" + TextNormalizer.RULES_VERSION
        + " k=" + spec.k() + " seed=" + Long.toHexString(spec.seed());
  }

  private static byte kindOf(MinHashSpec spec) {
    return (byte) (spec.shingles().kind() == ShingleSpec.Kind.WORD ? 0 : 1);
  }

  private static byte flagsOf(MinHashSpec spec) {
    return (byte) (spec.normalizer().foldTehMarbuta() ? 1 : 0);
  }

  /**
   * The spec fields as stored, not yet checked. Immutable and thread-safe.
   *
   * @param scheme scheme id
   * @param kind shingle kind byte (0 word, 1 char)
   * @param n shingle n
   * @param flags normalizer flags
   * @param rules normalizer rules version
   * @param k signature size
   * @param seed hash seed
   * @param fingerprint the spec fingerprint written with them
   */
  public record Stored(
      byte scheme, byte kind, int n, byte flags, int rules, int k, long seed, long fingerprint) {

    /**
     * The spec these fields describe, checked: this library's normalizer rules, a known shingle
     * kind, scheme and normalizer flags, valid parameters, and the stored fingerprint.
     *
     * @param form what holds the spec, for messages ("signature")
     * @throws FormatException naming {@code form} and what does not hold
     */
    public MinHashSpec spec(String form) {
      if (rules != TextNormalizer.RULES_VERSION) {
        throw new FormatException(form + " was made with normalizer rules v" + rules
            + ", this library has v" + TextNormalizer.RULES_VERSION);
      }
      if (kind != 0 && kind != 1) {
        throw new FormatException("unknown shingle kind " + kind);
      }
      if ((flags & ~1) != 0) {
        throw new FormatException("unknown normalizer flags " + flags);
      }
      MinHashSpec spec;
      try {
        spec = new MinHashSpec(MinHashScheme.ofId(scheme), k, seed,
            new ShingleSpec(kind == 0 ? ShingleSpec.Kind.WORD : ShingleSpec.Kind.CHAR, n),
            new TextNormalizer.Options((flags & 1) != 0));
      } catch (IllegalArgumentException e) {
        throw new FormatException("invalid " + form + " header: " + e.getMessage(), e);
      }
      if (spec.fingerprint() != fingerprint) {
        throw new FormatException(form + " header does not match its spec fingerprint");
      }
      return spec;
    }

    /** True when these fields are {@code want}'s, fingerprint included. */
    public boolean matches(MinHashSpec want) {
      return scheme == want.scheme().id()
          && kind == kindOf(want)
          && n == want.shingles().n()
          && (flags & 1) == flagsOf(want)
          && rules == TextNormalizer.RULES_VERSION
          && k == want.k()
          && seed == want.seed()
          && fingerprint == want.fingerprint();
    }

    /** The fields for a message: {@code scheme=2 shingles=c5 foldTehMarbuta=0 rules=v1 k=128 seed=...}. */
    public String describe() {
      return "scheme=" + scheme + " shingles=" + (kind == 0 ? "w" : "c") + n + " foldTehMarbuta="
          + (flags & 1) + " rules=v" + rules + " k=" + k + " seed=" + Long.toHexString(seed);
    }
  }
}
