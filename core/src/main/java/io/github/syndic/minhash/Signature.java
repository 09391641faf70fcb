package io.github.syndic.minhash;

import io.github.syndic.format.FormatException;
import io.github.syndic.internal.BytesProxy;
import io.github.syndic.internal.FormatHeader;
import io.github.syndic.internal.SpecCodec;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A MinHash signature: k 32-bit minimum values (compared as unsigned), the number of distinct
 * shingles of the set it summarizes, and the {@link MinHashSpec} that made it.
 *
 * <p>Immutable and thread-safe.
 *
 * <h2>Serialized form, format version 1 (big-endian)</h2>
 *
 * <pre>
 * offset size field
 *      0    4 magic "SYNS"
 *      4    1 format version (1)
 *      5    1 scheme id ({@link MinHashScheme#id()})
 *      6    1 shingle kind (0 word, 1 char)
 *      7    1 shingle n
 *      8    1 normalizer flags (bit 0: teh marbuta folded)
 *      9    1 normalizer rules version
 *     10    2 reserved (0)
 *     12    4 k
 *     16    8 seed
 *     24    8 spec fingerprint ({@link MinHashSpec#fingerprint()})
 *     32    8 distinct shingle count
 *     40  4k values
 * 40+4k    4 CRC-32C of all preceding bytes
 * </pre>
 *
 * <p>Magic, version and checksum go through the shared header codec (CRC-32C), offsets 5-31 are
 * the spec as the index snapshot stores it too (one spec codec); a bad form gets a
 * {@link FormatException}. Java serialization writes these bytes (a serialization proxy), so a
 * signature read on another JVM (a Spark executor) passes the same version, checksum and spec
 * checks.
 */
public final class Signature implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The value of every slot of an empty set's signature. */
  public static final int EMPTY_VALUE = -1;

  /** Serialized format version written by {@link #toBytes()}. */
  public static final byte FORMAT_VERSION = 1;

  private static final FormatHeader FORMAT = new FormatHeader("signature", "SYNS", 1, 1, 1);
  private static final int HEADER = 40;
  /** The reserved bytes between the spec's head and tail (offsets 10-11). */
  private static final int SPEC_GAP = 2;

  private final transient MinHashSpec spec;
  private final transient int[] values;
  private final long setSize;

  Signature(MinHashSpec spec, int[] values, long setSize) {
    this.spec = spec;
    this.values = values;
    this.setSize = setSize;
  }

  /** The spec that made this signature. */
  public MinHashSpec spec() {
    return spec;
  }

  /** Number of values, equal to {@code spec().k()}. */
  public int k() {
    return values.length;
  }

  /** Value {@code i} (compare as unsigned). */
  public int value(int i) {
    return values[i];
  }

  /** A copy of the values. */
  public int[] values() {
    return values.clone();
  }

  /** Copies the values into {@code dst} at {@code offset}. */
  public void copyValues(int[] dst, int offset) {
    System.arraycopy(values, 0, dst, offset, values.length);
  }

  /** Exact number of distinct shingles in the summarized set. */
  public long setSize() {
    return setSize;
  }

  /** True for the signature of an empty set. */
  public boolean isEmpty() {
    return setSize == 0;
  }

  /**
   * Estimated Jaccard similarity |A∩B| / |A∪B|: the share of equal slots. 0 when either set is
   * empty.
   *
   * @throws IllegalArgumentException if the specs differ
   */
  public double jaccard(Signature other) {
    requireCompatible(other);
    if (isEmpty() || other.isEmpty()) {
      return 0.0;
    }
    int eq = 0;
    int[] a = values;
    int[] b = other.values;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        eq++;
      }
    }
    return eq / (double) a.length;
  }

  /**
   * Estimated containment of this set in the other, |A∩B| / |A|, from the Jaccard estimate J and
   * the exact set sizes: |A∩B| = J (|A| + |B|) / (1 + J). Clamped to [0, 1].
   */
  public double containmentIn(Signature other) {
    double j = jaccard(other);
    return containmentFromJaccard(j, setSize, other.setSize);
  }

  /** |A∩B| / |A| from a Jaccard value and set sizes; 0 when |A| is 0; clamped to [0, 1]. */
  public static double containmentFromJaccard(double j, long sizeA, long sizeB) {
    if (sizeA <= 0) {
      return 0.0;
    }
    double inter = j * (sizeA + sizeB) / (1.0 + j);
    return Math.max(0.0, Math.min(1.0, inter / sizeA));
  }

  /** Throws unless {@code other} was made with an equal spec. */
  public void requireCompatible(Signature other) {
    if (!spec.equals(other.spec)) {
      throw new IllegalArgumentException(
          "signatures made with different specs: " + spec.describe() + " vs " + other.spec.describe());
    }
  }

  /** The serialized form (see the class comment). */
  public byte[] toBytes() {
    ByteBuffer buf = ByteBuffer.allocate(HEADER + 4 * values.length + 4).order(ByteOrder.BIG_ENDIAN);
    FORMAT.write(buf);
    SpecCodec.write(buf, spec, SPEC_GAP);
    buf.putLong(setSize);
    for (int v : values) {
      buf.putInt(v);
    }
    buf.putInt(FormatHeader.crc32c(buf.array(), 0, buf.position()));
    return buf.array();
  }

  /**
   * Reads a serialized signature and checks that it was made with {@code expected}.
   *
   * @throws FormatException if the bytes are not a valid signature of format version 1, are
   *     damaged (checksum), or were made with another spec (the message names both)
   */
  public static Signature fromBytes(byte[] bytes, MinHashSpec expected) {
    Signature s = fromBytes(bytes);
    if (!s.spec.equals(expected)) {
      throw new FormatException(
          "signature was made with spec "
              + s.spec.describe()
              + " but "
              + expected.describe()
              + " is expected");
    }
    return s;
  }

  /**
   * Reads a serialized signature, reconstructing its spec from the header.
   *
   * @throws FormatException if the bytes are not a valid, undamaged signature of a known format
   *     version
   */
  public static Signature fromBytes(byte[] bytes) {
    if (bytes == null) {
      throw new FormatException("signature bytes are null");
    }
    if (bytes.length < HEADER + 8) {
      throw new FormatException("not a syndic signature: " + bytes.length + " bytes is too short");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    FORMAT.read(buf);
    SpecCodec.Stored stored = SpecCodec.read(buf, SPEC_GAP);
    int k = stored.k();
    if (k < 1 || k > MinHashSpec.MAX_K || bytes.length != HEADER + 4L * k + 4) {
      throw new FormatException(
          "not a syndic signature: k=" + k + " does not fit a length of " + bytes.length + " bytes");
    }
    FORMAT.checkTrailingCrc(bytes);
    MinHashSpec spec = stored.spec("signature");
    long setSize = buf.getLong();
    if (setSize < 0) {
      throw new FormatException("negative set size " + setSize);
    }
    int[] values = new int[k];
    for (int i = 0; i < k; i++) {
      values[i] = buf.getInt();
    }
    return new Signature(spec, values, setSize);
  }

  /** Java serialization writes the checked byte form (see the class comment). */
  private Object writeReplace() {
    return new BytesProxy(BytesProxy.Form.SIGNATURE, toBytes());
  }

  private void readObject(ObjectInputStream in) throws java.io.InvalidObjectException {
    throw BytesProxy.refused(BytesProxy.Form.SIGNATURE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s
        && s.setSize == setSize
        && s.spec.equals(spec)
        && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Long.hashCode(setSize);
  }

  @Override
  public String toString() {
    return "Signature[k=" + values.length + ", setSize=" + setSize + ", " + spec.scheme() + "]";
  }
}
