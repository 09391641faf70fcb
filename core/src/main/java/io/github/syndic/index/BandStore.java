package io.github.syndic.index;

import io.github.syndic.lsh.LshParams;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Arrays;

/**
 * The signature store of the feed index, its one LSH store: k 16-bit MinHash values per slot
 * (b-bit MinHash, see {@link Verifier}) plus one open-addressing table per band ({@link Banding}).
 *
 * <p>A band table holds one int per entry (4 bytes, no stored key, no chain): {@code slot + 1} in the low {@link #SLOT_BITS} bits and {@link #FP_BITS} bits of the band
 * key's hash above them. A probe skips entries whose hash bits differ and compares the band's
 * values (recomputed from the slot's stored values) only for the others, so a run of other keys
 * costs no access to the values. Entries with equal band values sit in one
 * linear-probing run, so N copies of one story make runs of N entries: adding, querying and
 * removing one of them walks the run (quadratic over a flood of identical documents, which the
 * index reports as N^2 / 2 neighbor pairs anyway). Tables grow by a quarter when 80% full, so their load stays in [0.64, 0.8]:
 * 5 to 6.25 bytes per band per document. Removal uses backward-shift deletion (no tombstones).
 * The stored values are readable, which snapshots need.
 *
 * <p>Memory layout: values and tables are paged (256 KB pages of values, {@link IntPages#PAGE}
 * entries per table page), so the store grows by whole pages without copying the values, keeps no
 * growth slack beyond the last page, and holds no humongous arrays (G1 rounds those up to whole
 * regions). Growth rebuilds one band table at a time, so the peak is the old tables plus one new
 * band table.
 *
 * <p>Not thread-safe: {@link NearDuplicateIndex} guards it with its read-write lock; lookups do
 * not modify it.
 */
final class BandStore {
  /** Table load that triggers growth (linear probing stays short below 0.8). */
  private static final double MAX_LOAD = 0.8;

  /** Growth factor of the band tables: 1.25 keeps the load in [0.64, 0.8]. */
  private static final double GROWTH = 1.25;

  /** Shorts per value page: 2^17 (256 KB). */
  private static final int VALUE_PAGE_SHORTS = 1 << 17;

  /** Bits of an entry holding {@code slot + 1}: at most 2^26 - 1 slots (67 million documents). */
  static final int SLOT_BITS = 26;

  /** Bits of an entry holding band-hash bits (the rest of the int). */
  static final int FP_BITS = 32 - SLOT_BITS;

  private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;

  /** Most slots a store can hold. */
  static final int MAX_SLOTS = SLOT_MASK - 1;

  private static final int TSHIFT = IntPages.SHIFT;
  private static final int TMASK = IntPages.MASK;

  private final int k;
  private final int bands;
  private final int rows;
  private final Banding banding;
  /** log2 of slots per value page. */
  private final int vshift;
  private final int vmask;
  private short[][] values = new short[0][];
  private int slotCapacity;
  /** tables[band][page][entry]. */
  private int[][][] tables;
  private int cap;
  private int entries;

  BandStore(int k, LshParams p, int initialSlots) {
    this.k = k;
    this.bands = p.bands();
    this.rows = p.rows();
    this.banding = new Banding(p);
    int perPage = Integer.highestOneBit(Math.max(1, VALUE_PAGE_SHORTS / k));
    this.vshift = Integer.numberOfTrailingZeros(perPage);
    this.vmask = perPage - 1;
    ensureSlots(Math.max(16, initialSlots));
    this.cap = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 1, (long) (initialSlots / MAX_LOAD) + 1));
    this.tables = new int[bands][][];
    for (int b = 0; b < bands; b++) {
      tables[b] = IntPages.table(cap);
    }
  }


  int k() {
    return k;
  }

  /** Makes room for slots {@code [0, slots)}. */
  void ensureSlots(int slots) {
    if (slots > MAX_SLOTS) {
      throw new IllegalStateException("index full: " + slots + " slots, at most " + MAX_SLOTS);
    }
    int perPage = vmask + 1;
    while (slotCapacity < slots) {
      int last = values.length - 1;
      if (last == 0 && values[0].length < perPage * k) { // the lone first page doubles
        int n = (int) Math.min(perPage, Math.max((long) slots, 2L * slotCapacity));
        values[0] = Arrays.copyOf(values[0], n * k);
        slotCapacity = n;
      } else if (last < 0) {
        int n = Math.min(perPage, slots);
        values = new short[][] {new short[n * k]};
        slotCapacity = n;
      } else {
        values = Arrays.copyOf(values, values.length + 1);
        values[last + 1] = new short[perPage * k];
        slotCapacity += perPage;
      }
    }
  }

  /** Stores the values of {@code slot} (without banding it). */
  void setValues(int slot, short[] v) {
    ensureSlots(slot + 1);
    System.arraycopy(v, 0, values[slot >>> vshift], (slot & vmask) * k, k);
  }

  /** Value {@code i} of {@code slot}. */
  short value(int slot, int i) {
    return values[slot >>> vshift][(slot & vmask) * k + i];
  }

  /** Adds {@code slot} (values already set) to every band table. */
  void band(int slot) {
    if (entries + 1 > cap * MAX_LOAD) {
      grow();
    }
    short[] vp = values[slot >>> vshift];
    int base = (slot & vmask) * k;
    for (int b = 0; b < bands; b++) {
      int[][] t = tables[b];
      long h = hash(vp, base, b);
      int pos = position(h, cap);
      while (t[pos >>> TSHIFT][pos & TMASK] != 0) {
        pos = pos + 1 == cap ? 0 : pos + 1;
      }
      t[pos >>> TSHIFT][pos & TMASK] = entry(slot, h);
    }
    entries++;
  }

  /**
   * Adds {@code slots[0..n)} (values set, none banded yet) to every band table, band by band: the
   * same entries as {@link #band} for each, but one table at a time is written, which keeps a bulk
   * load (a snapshot) in cache instead of touching every table for every slot.
   */
  void bandAll(int[] slots, int n) {
    while (entries + (long) n > cap * MAX_LOAD) {
      grow();
    }
    for (int b = 0; b < bands; b++) {
      int[][] t = tables[b];
      for (int i = 0; i < n; i++) {
        int slot = slots[i];
        long h = hash(values[slot >>> vshift], (slot & vmask) * k, b);
        int pos = position(h, cap);
        while (t[pos >>> TSHIFT][pos & TMASK] != 0) {
          pos = pos + 1 == cap ? 0 : pos + 1;
        }
        t[pos >>> TSHIFT][pos & TMASK] = entry(slot, h);
      }
    }
    entries += n;
  }

  /** Removes {@code slot} from every band table (its values must still be set). */
  void unband(int slot) {
    short[] vp = values[slot >>> vshift];
    int base = (slot & vmask) * k;
    for (int b = 0; b < bands; b++) {
      int[][] t = tables[b];
      int pos = position(hash(vp, base, b), cap);
      while ((t[pos >>> TSHIFT][pos & TMASK] & SLOT_MASK) != slot + 1) {
        if (t[pos >>> TSHIFT][pos & TMASK] == 0) {
          throw new IllegalStateException("index corrupted: slot " + slot + " missing in band " + b);
        }
        pos = pos + 1 == cap ? 0 : pos + 1;
      }
      // Backward-shift deletion.
      int hole = pos;
      int j = pos;
      while (true) {
        j = j + 1 == cap ? 0 : j + 1;
        int e = t[j >>> TSHIFT][j & TMASK];
        if (e == 0) {
          break;
        }
        int es = (e & SLOT_MASK) - 1;
        int h = position(hash(values[es >>> vshift], (es & vmask) * k, b), cap);
        boolean stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
        if (!stays) {
          t[hole >>> TSHIFT][hole & TMASK] = e;
          hole = j;
        }
      }
      t[hole >>> TSHIFT][hole & TMASK] = 0;
    }
    entries--;
  }

  /** Adds to {@code out} every banded slot sharing at least one band with {@code q}. */
  void candidates(short[] q, IntOpenHashSet out) {
    for (int b = 0; b < bands; b++) {
      int[][] t = tables[b];
      long h = hash(q, 0, b);
      int fp = (int) (h >>> (64 - FP_BITS));
      int pos = position(h, cap);
      int[] page = t[pos >>> TSHIFT];
      int off = pos & TMASK;
      int from = b * rows;
      for (int e = page[off]; e != 0; e = page[off]) {
        if (e >>> SLOT_BITS == fp) {
          int slot = (e & SLOT_MASK) - 1;
          short[] vp = values[slot >>> vshift];
          int base = (slot & vmask) * k + from;
          boolean eq = true;
          for (int i = 0; i < rows; i++) {
            if (vp[base + i] != q[from + i]) {
              eq = false;
              break;
            }
          }
          if (eq) {
            out.add(slot);
          }
        }
        pos++;
        off++;
        if (pos == cap) {
          pos = 0;
          off = 0;
          page = t[0];
        } else if (off == page.length) {
          off = 0;
          page = t[pos >>> TSHIFT];
        }
      }
    }
  }

  /** Number of equal values between {@code q} and {@code slot}. */
  int equalValues(short[] q, int slot) {
    short[] vp = values[slot >>> vshift];
    int base = (slot & vmask) * k;
    int eq = 0;
    for (int i = 0; i < k; i++) {
      if (vp[base + i] == q[i]) {
        eq++;
      }
    }
    return eq;
  }

  /**
   * Number of equal values between {@code q} and {@code slot}, or -1 as soon as fewer than {@code
   * need} can be equal (most candidates are rejected after {@code k - need} values).
   */
  int equalValuesAtLeast(short[] q, int slot, int need) {
    short[] vp = values[slot >>> vshift];
    int base = (slot & vmask) * k;
    int eq = 0;
    for (int i = 0; i < k; i++) {
      if (vp[base + i] == q[i]) {
        eq++;
      } else if (i + 1 - eq > k - need) {
        return -1;
      }
    }
    return eq;
  }

  /** Number of equal values between two stored slots. */
  int equalValues(int a, int b) {
    short[] va = values[a >>> vshift];
    short[] vb = values[b >>> vshift];
    int ba = (a & vmask) * k;
    int bb = (b & vmask) * k;
    int eq = 0;
    for (int i = 0; i < k; i++) {
      if (va[ba + i] == vb[bb + i]) {
        eq++;
      }
    }
    return eq;
  }

  /** Bytes held by the value pages and the band tables (array headers included). */
  long memoryBytes() {
    long b = LongPages.arrayBytes(values.length, 4);
    for (short[] p : values) {
      b += LongPages.arrayBytes(p.length, 2);
    }
    b += LongPages.arrayBytes(bands, 4);
    for (int[][] t : tables) {
      b += LongPages.arrayBytes(t.length, 4) + LongPages.intArraysBytes(t);
    }
    return b;
  }

  /** Bytes of the band tables alone (included in {@link #memoryBytes()}). */
  long tableBytes() {
    long b = 0;
    for (int[][] t : tables) {
      b += LongPages.arrayBytes(t.length, 4) + LongPages.intArraysBytes(t);
    }
    return b;
  }

  /** Rebuilds the tables a quarter larger, one band at a time (peak: old tables + one new). */
  private void grow() {
    int newCap = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(cap + 16L, (long) (cap * GROWTH)));
    if (newCap <= cap) {
      throw new IllegalStateException("index full: " + entries + " banded documents");
    }
    for (int b = 0; b < bands; b++) {
      int[][] old = tables[b];
      int[][] t = IntPages.table(newCap);
      for (int[] page : old) {
        for (int e : page) {
          if (e != 0) {
            int es = (e & SLOT_MASK) - 1;
            int pos = position(hash(values[es >>> vshift], (es & vmask) * k, b), newCap);
            while (t[pos >>> TSHIFT][pos & TMASK] != 0) {
              pos = pos + 1 == newCap ? 0 : pos + 1;
            }
            t[pos >>> TSHIFT][pos & TMASK] = e;
          }
        }
      }
      tables[b] = t;
    }
    cap = newCap;
  }

  /** The entry of {@code slot} with band hash {@code h}. */
  private static int entry(int slot, long h) {
    return (slot + 1) | (int) (h >>> (64 - FP_BITS)) << SLOT_BITS;
  }

  /** Home position of band hash {@code h} in a table of {@code cap} entries (low 32 bits). */
  private static int position(long h, int cap) {
    return (int) (((h & 0xFFFFFFFFL) * cap) >>> 32);
  }

  /** Hash of band {@code band} of the values at {@code v[base..]}: {@link Banding}'s key. */
  private long hash(short[] v, int base, int band) {
    return banding.hash(v, base, band);
  }
}
