package io.github.syndic.index;

import io.github.syndic.hash.Hash64;
import io.github.syndic.lsh.LshParams;
import io.github.syndic.minhash.Signature;
import java.util.Objects;

/**
 * The banding of the feed: which pairs of documents become candidates. Band {@code b} of a
 * signature is its low-16-bit values {@code [b * rows, (b + 1) * rows)} ({@link
 * Verifier#low16}); two documents are candidates when some band holds equal values in both. An
 * empty signature (no shingles) is in no band and is never a candidate. The library verifies every
 * candidate ({@link Verifier}) and caps no bucket: a bucket of many documents (one wire story
 * indexed many times) is compared in full, so a job that wants the library's result must not drop
 * pairs from a hot bucket either.
 *
 * <p>{@link #bandKey} is the 64-bit hash the index's band tables use ({@code BandStore}). Equal
 * band values give equal keys; a key collision between unequal values is possible (about 2^-64 per
 * pair), so a job grouping by key keeps a pair only when {@link #sameBand} holds, as the index
 * does.
 *
 * <pre>{@code
 * Banding banding = Banding.of(config);          // 37 bands x 3 rows by default
 * long[] keys = banding.bandKeys(prepared.signature()); // group by (band, keys[band])
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Banding {
  private final int bands;
  private final int rows;

  /** The banding of {@code p}. */
  public Banding(LshParams p) {
    Objects.requireNonNull(p, "lsh");
    this.bands = p.bands();
    this.rows = p.rows();
  }

  /** The banding of {@link IndexConfig#lsh()}. */
  public static Banding of(IndexConfig config) {
    return new Banding(config.lsh());
  }

  /** Number of bands. */
  public int bands() {
    return bands;
  }

  /** Values per band. */
  public int rows() {
    return rows;
  }

  /**
   * The key of band {@code band} of {@code sig}.
   *
   * @throws IllegalArgumentException if the band is out of range or the signature is empty
   */
  public long bandKey(Signature sig, int band) {
    check(sig, band);
    return hash(Verifier.low16(sig), 0, band);
  }

  /** Every band key of {@code sig}, band 0 first; empty for an empty signature (no candidates). */
  public long[] bandKeys(Signature sig) {
    if (sig.isEmpty()) {
      return new long[0];
    }
    check(sig, 0);
    short[] v = Verifier.low16(sig);
    long[] out = new long[bands];
    for (int b = 0; b < bands; b++) {
      out[b] = hash(v, 0, b);
    }
    return out;
  }

  /** True when band {@code band} of {@code a} and {@code b} holds equal values (both non-empty). */
  public boolean sameBand(Signature a, Signature b, int band) {
    check(a, band);
    check(b, band);
    for (int i = band * rows; i < (band + 1) * rows; i++) {
      if ((short) a.value(i) != (short) b.value(i)) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code a} and {@code b} share some band: a candidate pair. */
  public boolean candidates(Signature a, Signature b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    for (int band = 0; band < bands; band++) {
      if (sameBand(a, b, band)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #candidates(Signature, Signature)} on the low-16-bit values ({@link Verifier#low16}) of
   * two non-empty signatures: the form the index stores.
   *
   * @throws IllegalArgumentException if either holds fewer than bands x rows values
   */
  public boolean candidates(short[] a, short[] b) {
    int n = bands * rows;
    if (a.length < n || b.length < n) {
      throw new IllegalArgumentException(bands + " bands x " + rows + " rows exceed the values ("
          + a.length + ", " + b.length + ")");
    }
    for (int band = 0; band < bands; band++) {
      int i = band * rows;
      int end = i + rows;
      while (i < end && a[i] == b[i]) {
        i++;
      }
      if (i == end) {
        return true;
      }
    }
    return false;
  }

  /** Hash of band {@code band} of the low-16-bit values at {@code v[base..]}. */
  long hash(short[] v, int base, int band) {
    long h = (band + 1) * Hash64.GOLDEN;
    int from = base + band * rows;
    for (int i = 0; i < rows; i++) {
      h = Long.rotateLeft((h ^ (v[from + i] & 0xFFFF)) * Hash64.GOLDEN, 29);
    }
    return Hash64.fmix64(h);
  }

  private void check(Signature sig, int band) {
    if (band < 0 || band >= bands) {
      throw new IllegalArgumentException("band must be in [0, " + bands + "), got " + band);
    }
    if (sig.isEmpty()) {
      throw new IllegalArgumentException("an empty signature is in no band");
    }
    if ((long) bands * rows > sig.k()) {
      throw new IllegalArgumentException(
          bands + " bands x " + rows + " rows exceed the signature's k = " + sig.k());
    }
  }
}
