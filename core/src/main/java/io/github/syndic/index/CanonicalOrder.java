package io.github.syndic.index;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The feed's two orders, in one place.
 *
 * <ul>
 *   <li>{@link #INPUT_ORDER}: the order a batch is processed in (timestamp, unknown last, then id),
 *       which decides which document of a pair is the query ({@link Verifier#verify}) and how the
 *       time window applies.
 *   <li>The canonical-member order ({@link #compare}): of a cluster's members, the earliest
 *       timestamp (unknown last, compared in milliseconds, the precision the index stores); then
 *       the source earliest in {@link IndexConfig#preferredSources()} (unlisted or unknown last);
 *       then the longest cleaned text ({@link PreparedDoc#length()}); then the smallest id in
 *       {@link String#compareTo} order. The first member in this order is the cluster's canonical
 *       member; the index, the batch and a Spark job all use it.
 * </ul>
 *
 * <pre>{@code
 * CanonicalOrder order = new CanonicalOrder(config.preferredSources());
 * members.sort(order.comparator());   // canonical member first
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CanonicalOrder {
  /** Stored time of a document without timestamp: after every real time. */
  public static final long NO_TIME = Long.MAX_VALUE;

  /** Rank of a source that is unknown or not preferred. */
  public static final int UNRANKED = Integer.MAX_VALUE;

  /** Batch processing order: timestamp (unknown last), then id. */
  public static final Comparator<Doc> INPUT_ORDER =
      Comparator.comparing(Doc::timestamp, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(Doc::id);

  private final Map<String, Integer> rank = new HashMap<>();

  /** The order preferring {@code preferredSources}, best first. */
  public CanonicalOrder(List<String> preferredSources) {
    for (int i = 0; i < preferredSources.size(); i++) {
      rank.putIfAbsent(Objects.requireNonNull(preferredSources.get(i), "preferred source"), i);
    }
  }

  /** The order of {@code config}. */
  public static CanonicalOrder of(IndexConfig config) {
    return new CanonicalOrder(config.preferredSources());
  }

  /** Rank of a source, 0 best; {@link #UNRANKED} for null or an unlisted source. */
  public int rank(String source) {
    if (source == null) {
      return UNRANKED;
    }
    Integer r = rank.get(source);
    return r == null ? UNRANKED : r;
  }

  /** Epoch milliseconds of a timestamp, or {@link #NO_TIME} for null. */
  public static long millis(Instant t) {
    if (t == null) {
      return NO_TIME;
    }
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("timestamp out of range: " + t, e);
    }
  }

  /**
   * Canonical-member order on the fields: negative when member a comes first (is the better
   * canonical member).
   *
   * @param timeA epoch milliseconds, {@link #NO_TIME} when unknown
   * @param rankA {@link #rank} of the source
   * @param lengthA cleaned length in chars
   * @param idA the id
   */
  public static int compare(
      long timeA, int rankA, int lengthA, String idA, long timeB, int rankB, int lengthB,
      String idB) {
    if (timeA != timeB) {
      return timeA < timeB ? -1 : 1;
    }
    if (rankA != rankB) {
      return rankA < rankB ? -1 : 1;
    }
    if (lengthA != lengthB) {
      return lengthA > lengthB ? -1 : 1;
    }
    return idA.compareTo(idB);
  }

  /** The canonical-member order of prepared documents (canonical member first). */
  public Comparator<PreparedDoc> comparator() {
    return (a, b) ->
        compare(millis(a.timestamp()), rank(a.source()), a.length(), a.id(),
            millis(b.timestamp()), rank(b.source()), b.length(), b.id());
  }
}
