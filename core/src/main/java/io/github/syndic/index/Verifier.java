package io.github.syndic.index;

import io.github.syndic.minhash.Signature;
import java.util.Objects;

/**
 * The one decision engine of the feed: how two documents relate, from their signatures. Used by
 * {@link NearDuplicateIndex} for every candidate, by {@link BatchDeduplicator}, and by anything
 * that runs the same batch elsewhere (a Spark job): the same pair gives the same relation and
 * scores, bit for bit.
 *
 * <pre>{@code
 * Verifier v = new Verifier(config);
 * Verifier.Verdict d = v.verify(later.signature(), earlier.signature()); // null: unrelated
 * if (d != null && config.policy().links(d.relation())) { ... }
 * }</pre>
 *
 * <h2>Rules</h2>
 *
 * <ol>
 *   <li>Each signature is compared on the low 16 bits of its k values (b-bit MinHash, Li and
 *       König 2010: what the index stores). Two unequal 32-bit values agree in their low 16 bits
 *       with probability {@link #LOW16_COLLISION}; the share of equal values is corrected for it:
 *       J = max(0, (e/k - p) / (1 - p)).
 *   <li>Containment both ways from J and the exact set sizes ({@link
 *       Signature#containmentFromJaccard}).
 *   <li>The {@link Relation}: DUPLICATE when each covers {@link IndexConfig#threshold()} of the
 *       other; otherwise TRIMMED_COPY or CONTAINED/CONTAINS when the smaller is covered by {@link
 *       IndexConfig#containmentThreshold()}, by the size ratio against {@link
 *       IndexConfig#copyMinRatio()}; otherwise none. A pair with fewer equal values than any
 *       relation needs is rejected early ({@link #minEqual}), which never changes a result.
 *       With {@link IndexConfig#verify()} off every candidate is a DUPLICATE.
 *   <li>The round-up rule: a document that is the larger side ({@link #queryIsLarger}) of
 *       trimmed copies of two documents unrelated to each other holds two stories; its
 *       trimmed-copy relations become containment ({@link #asContainment}), which links no
 *       clusters unless the policy is {@link ClusterPolicy#ALL}. The batch applies it with
 *       knowledge of every pair (a document is composite when two of its smaller trimmed-copy
 *       partners are not one story); the index applies it to the documents seen so far (each
 *       document remembers one smaller trimmed copy).
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class Verifier {
  /**
   * Chance that two unequal 32-bit MinHash values agree in their low 16 bits (2^-16, values
   * uniform): the collision correction of the Jaccard estimate.
   */
  public static final double LOW16_COLLISION = 1.0 / 65536.0;

  /**
   * Round-up rule: least share of the smaller of two trimmed-copy partners of one document that
   * the other holds for the two to be one story: half. The items of a round-up are different
   * stories and share about what any two articles share (chance Jaccard ~0.04 on SaudiNewsNet);
   * two copies of one story trimmed differently (the first and the last three quarters) share
   * more than half. Until 2026-12 the rule asked for a relation between the partners (80%
   * containment), which called such a story a round-up and left its copies apart. Measured on
   * SaudiNewsNet dev (pair F1, strict / lenient) for 0.3 / 0.5 / 0.65 / 0.8: .971/.912,
   * .997/.921, .997/.917, .995/.908; half, the round-up rule's own premise (each item fills at
   * least half of the document, {@link IndexConfig#DEFAULT_COPY_MIN_RATIO}), was kept.
   */
  public static final double ROUNDUP_SAME_STORY_OVERLAP = 0.5;

  private final int k;
  private final boolean verify;
  private final double threshold;
  private final double containment;
  private final double copyMinRatio;

  /** The verifier of {@code config}'s spec and thresholds. */
  public Verifier(IndexConfig config) {
    Objects.requireNonNull(config, "config");
    this.k = config.spec().k();
    this.verify = config.verify();
    this.threshold = config.threshold();
    this.containment = config.containmentThreshold();
    this.copyMinRatio = config.copyMinRatio();
  }

  /**
   * How two signed documents relate, or null when they do not. {@code query} is the document
   * being added: in a batch, the later of the two in {@link CanonicalOrder#INPUT_ORDER}; the
   * relation and {@link Verdict#containmentOfQuery()} read from its side. An empty signature
   * relates to nothing. The specs must be equal (the caller's signatures come from one {@link
   * DocumentPreparer}).
   *
   * @throws IllegalArgumentException if the specs differ or k differs from the config's
   */
  public Verdict verify(Signature query, Signature indexed) {
    query.requireCompatible(indexed);
    if (query.k() != k) {
      throw new IllegalArgumentException("signature k " + query.k() + " differs from k " + k);
    }
    if (query.isEmpty() || indexed.isEmpty()) {
      return null;
    }
    return verify(low16(query), query.setSize(), low16(indexed), indexed.setSize());
  }

  /**
   * {@link #verify(Signature, Signature)} on low-16-bit values ({@link #low16}) and set sizes: the
   * form the index stores.
   */
  public Verdict verify(short[] query, long sizeQuery, short[] indexed, long sizeIndexed) {
    int eq = equalValues(query, indexed);
    return verdict(verify && eq < minEqual(sizeQuery, sizeIndexed) ? -1 : eq, sizeQuery, sizeIndexed);
  }

  /**
   * The verdict for {@code equal} equal values (or -1 when the early exit rejected the pair) between
   * sets of the given sizes; null when unrelated.
   */
  Verdict verdict(int equal, long sizeQuery, long sizeIndexed) {
    if (equal < 0) {
      return null;
    }
    double j = jaccardOf(equal);
    double cq = Signature.containmentFromJaccard(j, sizeQuery, sizeIndexed);
    double ci = Signature.containmentFromJaccard(j, sizeIndexed, sizeQuery);
    Relation r = verify ? classify(cq, ci, sizeQuery, sizeIndexed) : Relation.DUPLICATE;
    return r == null ? null : new Verdict(r, j, cq, ci);
  }

  /**
   * Round-up rule: whether two smaller trimmed-copy partners of one document, with {@code equal}
   * equal values, tell one story (order-free): the smaller of them has at least {@link
   * #ROUNDUP_SAME_STORY_OVERLAP} of its shingles in the other. Otherwise they are two stories and
   * the document holding both is a round-up.
   */
  public boolean sameStory(int equal, long sizeA, long sizeB) {
    double j = jaccardOf(equal);
    long small = Math.min(sizeA, sizeB);
    long large = Math.max(sizeA, sizeB);
    return Signature.containmentFromJaccard(j, small, large) >= ROUNDUP_SAME_STORY_OVERLAP;
  }

  /**
   * The relation of a queried set to an indexed one from both containments and sizes, or null
   * when neither duplicates nor contained (rule 3 of the class comment).
   */
  public Relation classify(
      double containmentOfQuery, double containmentOfIndexed, long sizeQuery, long sizeIndexed) {
    if (Math.min(containmentOfQuery, containmentOfIndexed) >= threshold) {
      return Relation.DUPLICATE;
    }
    if (Math.max(containmentOfQuery, containmentOfIndexed) < containment) {
      return null;
    }
    double ratio = Math.min(sizeQuery, sizeIndexed) / (double) Math.max(sizeQuery, sizeIndexed);
    if (ratio >= copyMinRatio) {
      return Relation.TRIMMED_COPY;
    }
    return containmentOfQuery >= containmentOfIndexed ? Relation.CONTAINED : Relation.CONTAINS;
  }

  /** Estimated Jaccard from {@code equal} of k equal low-16-bit values (collision-corrected). */
  public double jaccardOf(int equal) {
    double raw = equal / (double) k;
    return Math.max(0.0, (raw - LOW16_COLLISION) / (1.0 - LOW16_COLLISION));
  }

  /**
   * Fewest equal values for which two sets of these sizes can have any {@link Relation}: every
   * relation needs the smaller set covered by {@code c = containmentThreshold}, i.e. J &gt;= c s /
   * (s + l - c s) for sizes s &lt;= l. Two values are subtracted as a margin for rounding and the
   * 16-bit collision correction, so the early exit never changes a result.
   */
  int minEqual(long a, long b) {
    double s = Math.min(a, b);
    double l = Math.max(a, b);
    double c = containment;
    double jMin = c * s / (s + l - c * s);
    return Math.max(0, (int) Math.floor(jMin * k) - 2);
  }

  /**
   * Round-up rule, which side is larger in a trimmed-copy pair: the query when its set is at least
   * as large as the indexed one (on equal sizes, the later document).
   */
  public static boolean queryIsLarger(long sizeQuery, long sizeIndexed) {
    return sizeQuery >= sizeIndexed;
  }

  /**
   * Round-up rule, the relation (from the query's side) of a trimmed-copy pair whose larger side
   * is composite: containment of the smaller in the larger.
   */
  public static Relation asContainment(boolean queryIsLarger) {
    return queryIsLarger ? Relation.CONTAINS : Relation.CONTAINED;
  }

  /** The low 16 bits of each value of {@code sig}: what the index stores and compares. */
  public static short[] low16(Signature sig) {
    short[] q = new short[sig.k()];
    for (int i = 0; i < q.length; i++) {
      q[i] = (short) sig.value(i);
    }
    return q;
  }

  /** Number of positions where {@code a} and {@code b} hold equal values. */
  public static int equalValues(short[] a, short[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("k differs: " + a.length + " vs " + b.length);
    }
    int eq = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        eq++;
      }
    }
    return eq;
  }

  /**
   * The relation of a pair and its scores. Immutable and thread-safe.
   *
   * @param relation how the query relates to the indexed document (before the round-up rule)
   * @param jaccard estimated Jaccard similarity (collision-corrected)
   * @param containmentOfQuery estimated share of the query's shingles found in the other
   * @param containmentOfIndexed estimated share of the other's shingles found in the query
   */
  public record Verdict(
      Relation relation, double jaccard, double containmentOfQuery, double containmentOfIndexed) {}
}
