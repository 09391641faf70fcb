package io.github.syndic.index;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The clusters of the feed index without an object per cluster: each slot has a cluster number
 * ({@code -1} for a singleton: singletons take no cluster number) and a successor in its
 * cluster's circular member list; each cluster number has an id (the smallest ordinal that ever
 * joined it), a head member and a size, all in paged primitive arrays. Merging relabels the smaller
 * cluster and splices the two circles in O(1); leaving walks the circle to the predecessor.
 * Numbers of emptied clusters are reused.
 *
 * <p>The one cluster structure of the feed: {@link NearDuplicateIndex} and {@link
 * BatchDeduplicator} both join through {@link #union}.
 *
 * <p>Not thread-safe: {@link NearDuplicateIndex} guards it with its lock.
 */
final class ClusterTable {
  private final IntPages clusterOf;
  private final IntPages next;
  private final LongPages ids = new LongPages(0);
  private final IntPages heads = new IntPages(0);
  private final IntPages sizes = new IntPages(0);
  private final IntArrayList freeNumbers = new IntArrayList();
  private int numbers;
  private int count;

  ClusterTable(int slots) {
    clusterOf = new IntPages(slots);
    next = new IntPages(slots);
  }

  /** Makes room for slots {@code [0, n)}. */
  void ensureSlots(int n) {
    clusterOf.ensure(n);
    next.ensure(n);
  }

  /** Marks {@code slot} a singleton (call when a slot is (re)used). */
  void reset(int slot) {
    clusterOf.set(slot, -1);
  }

  /** Cluster number of {@code slot}, or -1 for a singleton. */
  int of(int slot) {
    return clusterOf.get(slot);
  }

  /** Id of cluster {@code c}. */
  long id(int c) {
    return ids.get(c);
  }

  /** A member of cluster {@code c}. */
  int head(int c) {
    return heads.get(c);
  }

  /** The member after {@code slot} in its cluster's circle. */
  int next(int slot) {
    return next.get(slot);
  }

  /** Members of cluster {@code c}; 0 for an unused number. */
  int size(int c) {
    return c < numbers ? sizes.get(c) : 0;
  }

  /** Cluster numbers in use are below this. */
  int numbers() {
    return numbers;
  }

  /** Clusters in use. */
  int count() {
    return count;
  }

  /** A new cluster of id {@code id} holding singleton {@code slot}; returns its number. */
  int create(long id, int slot) {
    int c;
    if (freeNumbers.isEmpty()) {
      c = numbers++;
      ids.ensure(numbers);
      heads.ensure(numbers);
      sizes.ensure(numbers);
    } else {
      c = freeNumbers.popInt();
    }
    ids.set(c, id);
    heads.set(c, slot);
    sizes.set(c, 1);
    clusterOf.set(slot, c);
    next.set(slot, slot);
    count++;
    return c;
  }

  /** Adds singleton {@code slot} of ordinal {@code ordinal} to cluster {@code c}. */
  void join(int c, int slot, long ordinal) {
    int h = heads.get(c);
    next.set(slot, next.get(h));
    next.set(h, slot);
    clusterOf.set(slot, c);
    sizes.set(c, sizes.get(c) + 1);
    ids.set(c, Math.min(ids.get(c), ordinal));
  }

  /** Merges clusters {@code a} and {@code b} (distinct) into the larger (a on ties). */
  void merge(int a, int b) {
    int keep = sizes.get(a) >= sizes.get(b) ? a : b;
    int drop = keep == a ? b : a;
    int hd = heads.get(drop);
    int s = hd;
    do {
      clusterOf.set(s, keep);
      s = next.get(s);
    } while (s != hd);
    int hk = heads.get(keep);
    int t = next.get(hk);
    next.set(hk, next.get(hd));
    next.set(hd, t);
    sizes.set(keep, sizes.get(keep) + sizes.get(drop));
    ids.set(keep, Math.min(ids.get(keep), ids.get(drop)));
    free(drop);
  }

  /**
   * Joins the clusters of slots {@code a} and {@code b} (ordinals {@code ordA}, {@code ordB}; a
   * cluster's id is the smallest ordinal that ever joined it): the one union of the feed, used by
   * the index and the batch.
   */
  void union(int a, long ordA, int b, long ordB) {
    int ca = of(a);
    int cb = of(b);
    if (ca >= 0 && ca == cb) {
      return;
    }
    if (ca < 0 && cb < 0) {
      join(create(ordA, a), b, ordB);
    } else if (ca < 0) {
      join(cb, a, ordA);
    } else if (cb < 0) {
      join(ca, b, ordB);
    } else {
      merge(ca, cb);
    }
  }

  /** Takes {@code slot} out of its cluster (if any); an emptied cluster's number is freed. */
  void leave(int slot) {
    int c = clusterOf.get(slot);
    if (c < 0) {
      return;
    }
    clusterOf.set(slot, -1);
    int n = sizes.get(c) - 1;
    if (n == 0) {
      free(c);
      return;
    }
    int p = slot;
    while (next.get(p) != slot) {
      p = next.get(p);
    }
    next.set(p, next.get(slot));
    if (heads.get(c) == slot) {
      heads.set(c, next.get(slot));
    }
    sizes.set(c, n);
  }

  private void free(int c) {
    sizes.set(c, 0);
    freeNumbers.add(c);
    count--;
  }

  /** Bytes held. */
  long memoryBytes() {
    return clusterOf.memoryBytes() + next.memoryBytes() + ids.memoryBytes() + heads.memoryBytes()
        + sizes.memoryBytes() + LongPages.arrayBytes(freeNumbers.elements().length, 4);
  }
}
