package io.github.syndic.minhash;

/**
 * The algorithms that turn a set of 64-bit shingle hashes into k minimum values. Each constant is a
 * frozen algorithm: its output for a given seed never changes. A changed algorithm gets a new
 * constant with a new {@link #id()}.
 *
 * <p>Immutable and thread-safe.
 */
public enum MinHashScheme {
  /**
   * Classic MinHash with k independent hash functions {@code h_i(x) = fmix64(x ^ s_i) >>> 32},
   * {@code s_i} the SplitMix64 sequence of the seed. O(n k) per set: the reference.
   */
  CLASSIC_V1((byte) 1),

  /**
   * One-permutation hashing (Li, Owen, Zhang 2012) with optimal densification (Shrivastava 2017):
   * one hash {@code v = fmix64(x ^ s)} per element; its high 32 bits choose one of k bins, its low
   * 32 bits compete for the bin minimum; an empty bin copies the value of the first non-empty bin
   * reached by a seeded hash of (bin, attempt). O(n + k) per set, same estimator as classic
   * MinHash. The default.
   */
  OPH_DENSIFIED_V1((byte) 2);

  private final byte id;

  MinHashScheme(byte id) {
    this.id = id;
  }

  /** Stable byte id used in serialized signatures. */
  public byte id() {
    return id;
  }

  /** The scheme with the given serialized id. */
  public static MinHashScheme ofId(int id) {
    for (MinHashScheme s : values()) {
      if (s.id == id) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown MinHash scheme id " + id);
  }
}
