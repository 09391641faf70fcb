package io.github.syndic.lsh;

import io.github.syndic.hash.Hash64;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.Signature;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A banded LSH index over MinHash signatures, keyed by caller-chosen {@code int} keys.
 *
 * <p>Each signature is kept as k 16-bit values (the low 16 bits of each MinHash value: b-bit
 * MinHash, Li and König 2010), which is enough both for banding and for verifying candidates:
 * two different 32-bit values agree in their low 16 bits with probability 2<sup>-16</sup>, which
 * the Jaccard estimate corrects for. Band keys are 32-bit hashes of a band's values, kept in one
 * fastutil {@code Int2IntOpenHashMap} per band pointing to the head of an intrusive, doubly linked
 * chain of slots, so that removal costs O(bands) even when many entries share a bucket (the same
 * wire story indexed thousands of times).
 *
 * <p>Memory per entry, at k values and b bands: {@code 2k} bytes of values, {@code 8b} bytes of
 * chain links, 8 bytes of set size and key, plus the band maps (at most {@code b} entries of 8
 * bytes at load factor 0.75, i.e. about {@code 10.7 b} bytes when buckets are distinct) and the
 * key map (about 11 bytes). At k = 128 and b = 16: about 256 + 128 + 8 + 171 + 11 = 574 bytes.
 * {@link #memoryBytes()} measures the arrays actually allocated.
 *
 * <p>Not thread-safe: callers synchronize (the feed index wraps it in a read-write lock). Queries
 * do not modify the index, so concurrent queries without writers are safe.
 */
public final class LshIndex {
  /** Chance that two unequal 32-bit MinHash values agree in their low 16 bits. */
  static final double LOW16_COLLISION = 1.0 / 65536.0;

  private final MinHashSpec spec;
  private final LshParams params;
  private final int k;
  private final int bands;
  private final int rows;
  private final Int2IntOpenHashMap[] heads;
  private final Int2IntOpenHashMap slotOfKey = new Int2IntOpenHashMap();
  private final IntArrayList freeSlots = new IntArrayList();
  private short[] values;
  private int[] next;
  private int[] prev;
  private int[] keys;
  private long[] setSizes;
  private int slotsUsed;
  private int size;

  /**
   * An empty index.
   *
   * @throws IllegalArgumentException if {@code bands * rows > spec.k()}
   */
  public LshIndex(MinHashSpec spec, LshParams params) {
    this.spec = spec;
    this.params = params;
    this.k = spec.k();
    this.bands = params.bands();
    this.rows = params.rows();
    if ((long) bands * rows > k) {
      throw new IllegalArgumentException(
          "bands * rows = " + bands * rows + " exceeds k = " + k);
    }
    heads = new Int2IntOpenHashMap[bands];
    for (int i = 0; i < bands; i++) {
      heads[i] = new Int2IntOpenHashMap();
      heads[i].defaultReturnValue(-1);
    }
    slotOfKey.defaultReturnValue(-1);
    int cap = 16;
    values = new short[cap * k];
    next = new int[cap * bands];
    prev = new int[cap * bands];
    keys = new int[cap];
    setSizes = new long[cap];
  }

  /** The spec whose signatures this index holds. */
  public MinHashSpec spec() {
    return spec;
  }

  /** The banding parameters. */
  public LshParams params() {
    return params;
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** True when {@code key} is indexed. */
  public boolean contains(int key) {
    return slotOfKey.containsKey(key);
  }

  /**
   * Adds a signature under {@code key}.
   *
   * @throws IllegalArgumentException if the key is already present or the spec differs
   */
  public void insert(int key, Signature sig) {
    checkSpec(sig);
    if (slotOfKey.containsKey(key)) {
      throw new IllegalArgumentException("key " + key + " is already indexed");
    }
    int slot = freeSlots.isEmpty() ? slotsUsed++ : freeSlots.popInt();
    ensureCapacity(slot + 1);
    int base = slot * k;
    for (int i = 0; i < k; i++) {
      values[base + i] = (short) sig.value(i);
    }
    keys[slot] = key;
    setSizes[slot] = sig.setSize();
    slotOfKey.put(key, slot);
    size++;
    if (sig.isEmpty()) {
      return; // an empty set resembles nothing: kept for remove(), never a candidate
    }
    for (int b = 0; b < bands; b++) {
      int bk = bandKey(values, base, b);
      int head = heads[b].put(bk, slot);
      next[slot * bands + b] = head;
      prev[slot * bands + b] = -1;
      if (head >= 0) {
        prev[head * bands + b] = slot;
      }
    }
  }

  /** Removes {@code key}; returns false when it was not indexed. */
  public boolean remove(int key) {
    int slot = slotOfKey.remove(key);
    if (slot < 0) {
      return false;
    }
    int base = slot * k;
    for (int b = 0; b < bands && setSizes[slot] > 0; b++) {
      int before = prev[slot * bands + b];
      int after = next[slot * bands + b];
      if (before < 0) {
        int bk = bandKey(values, base, b);
        if (heads[b].get(bk) != slot) {
          throw new IllegalStateException("index corrupted: slot " + slot + " missing from band " + b);
        }
        if (after < 0) {
          heads[b].remove(bk);
        } else {
          heads[b].put(bk, after);
        }
      } else {
        next[before * bands + b] = after;
      }
      if (after >= 0) {
        prev[after * bands + b] = before;
      }
    }
    freeSlots.add(slot);
    size--;
    return true;
  }

  /**
   * Keys sharing at least one band with {@code sig}, in ascending order. An empty signature (of an
   * empty set) has no candidates and is no candidate, as its Jaccard estimate to anything is 0.
   */
  public int[] candidates(Signature sig) {
    checkSpec(sig);
    short[] q = low16(sig);
    IntOpenHashSet seen = collect(q, sig);
    int[] out = new int[seen.size()];
    int i = 0;
    for (var it = seen.iterator(); it.hasNext(); ) {
      out[i++] = keys[it.nextInt()];
    }
    Arrays.sort(out);
    return out;
  }

  /**
   * Candidates sharing a band with {@code sig} whose estimated Jaccard is at least {@code
   * minJaccard}, best first (ties by key).
   */
  public List<Candidate> query(Signature sig, double minJaccard) {
    checkSpec(sig);
    short[] q = low16(sig);
    IntOpenHashSet seen = collect(q, sig);
    List<Candidate> out = new ArrayList<>(seen.size());
    for (var it = seen.iterator(); it.hasNext(); ) {
      int slot = it.nextInt();
      double j = jaccard(q, slot);
      if (j >= minJaccard) {
        out.add(new Candidate(keys[slot], j, setSizes[slot]));
      }
    }
    out.sort(Candidate.ORDER);
    return out;
  }

  /** Estimated Jaccard between {@code sig} and the entry under {@code key}, or NaN if absent. */
  public double jaccard(Signature sig, int key) {
    checkSpec(sig);
    int slot = slotOfKey.get(key);
    if (slot < 0) {
      return Double.NaN;
    }
    return sig.isEmpty() || setSizes[slot] == 0 ? 0.0 : jaccard(low16(sig), slot);
  }

  /** Set size stored for {@code key}, or -1 if absent. */
  public long setSize(int key) {
    int slot = slotOfKey.get(key);
    return slot < 0 ? -1 : setSizes[slot];
  }

  /** Bytes held by this index's arrays and maps (an estimate for the maps). */
  public long memoryBytes() {
    long bytes = 2L * values.length + 4L * next.length + 4L * prev.length + 4L * keys.length
        + 8L * setSizes.length;
    for (Int2IntOpenHashMap m : heads) {
      bytes += mapBytes(m.size());
    }
    bytes += mapBytes(slotOfKey.size()) + 4L * freeSlots.size();
    return bytes;
  }

  private static long mapBytes(int n) {
    // fastutil open hash maps: int key + int value per bucket, capacity = next power of two of
    // n / 0.75.
    long cap = Math.max(2, Long.highestOneBit((long) Math.ceil(n / 0.75) * 2 - 1));
    return 8L * cap;
  }

  private IntOpenHashSet collect(short[] q, Signature sig) {
    IntOpenHashSet seen = new IntOpenHashSet();
    if (sig.isEmpty()) {
      return seen;
    }
    for (int b = 0; b < bands; b++) {
      int bk = bandKey(q, 0, b);
      for (int cur = heads[b].get(bk); cur >= 0; cur = next[cur * bands + b]) {
        seen.add(cur);
      }
    }
    return seen;
  }

  private double jaccard(short[] q, int slot) {
    int base = slot * k;
    int eq = 0;
    for (int i = 0; i < k; i++) {
      if (q[i] == values[base + i]) {
        eq++;
      }
    }
    double raw = eq / (double) k;
    return Math.max(0.0, (raw - LOW16_COLLISION) / (1.0 - LOW16_COLLISION));
  }

  private int bandKey(short[] v, int base, int band) {
    long h = band * Hash64.GOLDEN;
    int from = base + band * rows;
    for (int i = 0; i < rows; i++) {
      h = Long.rotateLeft((h ^ (v[from + i] & 0xFFFF)) * Hash64.GOLDEN, 29);
    }
    return (int) Hash64.fmix64(h);
  }

  private short[] low16(Signature sig) {
    short[] q = new short[k];
    for (int i = 0; i < k; i++) {
      q[i] = (short) sig.value(i);
    }
    return q;
  }

  private void checkSpec(Signature sig) {
    if (!sig.spec().equals(spec)) {
      throw new IllegalArgumentException(
          "signature spec " + sig.spec().describe() + " does not match index spec " + spec.describe());
    }
  }

  private void ensureCapacity(int slots) {
    if (slots <= keys.length) {
      return;
    }
    int cap = Math.max(slots, keys.length + (keys.length >> 1));
    values = Arrays.copyOf(values, cap * k);
    next = Arrays.copyOf(next, cap * bands);
    prev = Arrays.copyOf(prev, cap * bands);
    keys = Arrays.copyOf(keys, cap);
    setSizes = Arrays.copyOf(setSizes, cap);
  }

  /**
   * A candidate: its key, the estimated Jaccard to the query, and its set size (for containment,
   * see {@link Signature#containmentFromJaccard}).
   *
   * @param key the entry's key
   * @param jaccard estimated Jaccard similarity to the query
   * @param setSize the entry's distinct shingle count
   */
  public record Candidate(int key, double jaccard, long setSize) {
    static final java.util.Comparator<Candidate> ORDER =
        java.util.Comparator.comparingDouble(Candidate::jaccard).reversed()
            .thenComparingInt(Candidate::key);
  }
}
