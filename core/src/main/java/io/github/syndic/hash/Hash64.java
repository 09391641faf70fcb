package io.github.syndic.hash;

/**
 * The 64-bit hash functions syndic's shingles and signatures are built on. Their outputs are part
 * of the persisted formats: they never change (known-answer tests pin them); a different function
 * gets a new name.
 *
 * <ul>
 *   <li>{@link #fmix64(long)}: the 64-bit finalizer of MurmurHash3 (Austin Appleby, public domain),
 *       a bijective avalanche mixer.
 *   <li>{@link #hashChars(char[], int, int)}: FNV-1a 64 over UTF-16 code units (Fowler, Noll, Vo),
 *       finished with {@code fmix64} so that every output bit depends on every input bit.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Hash64 {
  /** FNV-1a 64-bit offset basis. */
  public static final long FNV_OFFSET = 0xcbf29ce484222325L;
  /** FNV-1a 64-bit prime. */
  public static final long FNV_PRIME = 0x100000001b3L;
  /** The golden-ratio constant 2^64/phi, used to spread sequence numbers. */
  public static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Hash64() {}

  /** MurmurHash3's fmix64: a bijection on 64-bit values with full avalanche. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Hash of {@code chars[from, to)}: FNV-1a 64 over the UTF-16 units, then {@link #fmix64}. */
  public static long hashChars(char[] chars, int from, int to) {
    long h = FNV_OFFSET;
    for (int i = from; i < to; i++) {
      h ^= chars[i];
      h *= FNV_PRIME;
    }
    return fmix64(h);
  }

  /** Hash of a whole char sequence; equal to {@code hashChars} over the same chars. */
  public static long hashChars(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0, n = s.length(); i < n; i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return fmix64(h);
  }

  /**
   * The {@code i}-th value of the SplitMix64 sequence started at {@code seed} (Steele, Lea, Flood
   * 2014): used to derive independent per-function seeds from one user seed.
   */
  public static long splitMix64(long seed, int i) {
    return fmix64Stafford13(seed + GOLDEN * (i + 1L));
  }

  /** Stafford's variant 13 finalizer, as used by SplitMix64. */
  static long fmix64Stafford13(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
