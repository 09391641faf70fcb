package io.github.syndic.minhash;

import io.github.syndic.hash.Hash64;
import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.text.TextNormalizer;
import java.io.Serializable;

/**
 * Everything that determines a signature: normalization, shingles, scheme, k and seed. Two
 * signatures can be compared only when their specs are equal; the {@link #fingerprint()} is
 * stored in every serialized signature and index snapshot to enforce it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scheme the MinHash algorithm
 * @param k number of values per signature, in [1, {@value #MAX_K}]
 * @param seed the explicit seed; the same seed gives the same signatures on every JVM
 * @param shingles what the shingles are
 * @param normalizer the normalizer options
 */
public record MinHashSpec(
    MinHashScheme scheme, int k, long seed, ShingleSpec shingles, TextNormalizer.Options normalizer)
    implements Serializable {

  /** Largest k; 4,096 values is far beyond any useful accuracy (error ~ 1/sqrt(k)). */
  public static final int MAX_K = 4096;

  /** Default k: standard error of a Jaccard estimate at J=0.5 is sqrt(0.25/128) = 0.044. */
  public static final int DEFAULT_K = 128;

  /** Default seed; any value works, but signatures compare only under the same seed. */
  public static final long DEFAULT_SEED = 0x5EED_5EED_0001L;

  /** Checks the arguments. */
  public MinHashSpec {
    if (scheme == null) {
      throw new NullPointerException("scheme");
    }
    if (shingles == null) {
      throw new NullPointerException("shingles");
    }
    if (normalizer == null) {
      throw new NullPointerException("normalizer");
    }
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be in [1, " + MAX_K + "], got " + k);
    }
  }

  /** The default spec: OPH with densification, k = 128, default seed, word 3-grams. */
  public static MinHashSpec defaults() {
    return new MinHashSpec(
        MinHashScheme.OPH_DENSIFIED_V1,
        DEFAULT_K,
        DEFAULT_SEED,
        ShingleSpec.words(3),
        TextNormalizer.Options.defaults());
  }

  /** A copy with another scheme. */
  public MinHashSpec withScheme(MinHashScheme s) {
    return new MinHashSpec(s, k, seed, shingles, normalizer);
  }

  /** A copy with another k. */
  public MinHashSpec withK(int newK) {
    return new MinHashSpec(scheme, newK, seed, shingles, normalizer);
  }

  /** A copy with another seed. */
  public MinHashSpec withSeed(long newSeed) {
    return new MinHashSpec(scheme, k, newSeed, shingles, normalizer);
  }

  /** A copy with other shingles. */
  public MinHashSpec withShingles(ShingleSpec s) {
    return new MinHashSpec(scheme, k, seed, s, normalizer);
  }

  /** A stable description of every parameter. */
  public String describe() {
    return "syndic-minhash;scheme="
        + scheme.name()
        + ";k="
        + k
        + ";seed="
        + Long.toHexString(seed)
        + ";shingles="
        + shingles.describe()
        + ";"
        + normalizer.describe();
  }

  /** A 64-bit fingerprint of {@link #describe()}; equal specs have equal fingerprints. */
  public long fingerprint() {
    return Hash64.hashChars(describe());
  }

  /** A thread-safe hasher for this spec. */
  public MinHasher hasher() {
    return new MinHasher(this);
  }
}
