package io.github.syndic.index;

import io.github.syndic.hash.Hash64;
import io.github.syndic.lsh.LshParams;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Arrays;

/**
 * The signature store of the feed index: k 16-bit MinHash values per slot (b-bit MinHash, as in
 * {@link io.github.syndic.lsh.LshIndex}) plus one open-addressing table per band.
 *
 * <p>Unlike {@code LshIndex}, a band table holds only {@code slot + 1} per entry (4 bytes, no
 * stored key, no chain): the band key of an entry is recomputed from the slot's stored values,
 * and a probe compares the band's values directly. Entries with equal band values sit in one
 * linear-probing run. Tables grow by half when 80% full, so their load stays in [0.53, 0.8]:
 * 5 to 7.5 bytes per band per document instead of about 15 with a map plus chains. Removal uses
 * backward-shift deletion (no tombstones). The stored values are readable, which snapshots need.
 *
 * <p>Not thread-safe: {@link NearDuplicateIndex} guards it with its read-write lock; lookups do
 * not modify it.
 */
final class BandStore {
  /** Table load that triggers growth (linear probing stays short below 0.8). */
  private static final double MAX_LOAD = 0.8;

  private final int k;
  private final int bands;
  private final int rows;
  private short[] values;
  private int[][] tables;
  private int entries;

  BandStore(int k, LshParams p, int initialSlots) {
    this.k = k;
    this.bands = p.bands();
    this.rows = p.rows();
    this.values = new short[Math.max(16, initialSlots) * k];
    int cap = Math.max(16, (int) (initialSlots / MAX_LOAD) + 1);
    this.tables = new int[bands][cap];
  }

  int k() {
    return k;
  }

  /** Makes room for slots {@code [0, slots)}. */
  void ensureSlots(int slots) {
    if ((long) slots * k > values.length) {
      long cap = Math.max((long) slots * k, (long) values.length + (values.length >> 1));
      if (cap > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("index full: " + slots + " slots of " + k + " values");
      }
      values = Arrays.copyOf(values, (int) cap);
    }
  }

  /** Stores the values of {@code slot} (without banding it). */
  void setValues(int slot, short[] v) {
    ensureSlots(slot + 1);
    System.arraycopy(v, 0, values, slot * k, k);
  }

  /** Value {@code i} of {@code slot}. */
  short value(int slot, int i) {
    return values[slot * k + i];
  }

  /** Adds {@code slot} (values already set) to every band table. */
  void band(int slot) {
    if (entries + 1 > tables[0].length * MAX_LOAD) {
      grow();
    }
    int base = slot * k;
    for (int b = 0; b < bands; b++) {
      int[] t = tables[b];
      int pos = home(values, base, b, t.length);
      while (t[pos] != 0) {
        pos = pos + 1 == t.length ? 0 : pos + 1;
      }
      t[pos] = slot + 1;
    }
    entries++;
  }

  /** Removes {@code slot} from every band table (its values must still be set). */
  void unband(int slot) {
    int base = slot * k;
    for (int b = 0; b < bands; b++) {
      int[] t = tables[b];
      int cap = t.length;
      int pos = home(values, base, b, cap);
      while (t[pos] != slot + 1) {
        if (t[pos] == 0) {
          throw new IllegalStateException("index corrupted: slot " + slot + " missing in band " + b);
        }
        pos = pos + 1 == cap ? 0 : pos + 1;
      }
      // Backward-shift deletion.
      int hole = pos;
      int j = pos;
      while (true) {
        j = j + 1 == cap ? 0 : j + 1;
        int e = t[j];
        if (e == 0) {
          break;
        }
        int h = home(values, (e - 1) * k, b, cap);
        boolean stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
        if (!stays) {
          t[hole] = e;
          hole = j;
        }
      }
      t[hole] = 0;
    }
    entries--;
  }

  /** Adds to {@code out} every banded slot sharing at least one band with {@code q}. */
  void candidates(short[] q, IntOpenHashSet out) {
    for (int b = 0; b < bands; b++) {
      int[] t = tables[b];
      int pos = home(q, 0, b, t.length);
      int from = b * rows;
      for (int e = t[pos]; e != 0; e = t[pos]) {
        int base = (e - 1) * k + from;
        boolean eq = true;
        for (int i = 0; i < rows; i++) {
          if (values[base + i] != q[from + i]) {
            eq = false;
            break;
          }
        }
        if (eq) {
          out.add(e - 1);
        }
        pos = pos + 1 == t.length ? 0 : pos + 1;
      }
    }
  }

  /** Number of equal values between {@code q} and {@code slot}. */
  int equalValues(short[] q, int slot) {
    int base = slot * k;
    int eq = 0;
    for (int i = 0; i < k; i++) {
      if (values[base + i] == q[i]) {
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
    int base = slot * k;
    int eq = 0;
    for (int i = 0; i < k; i++) {
      if (values[base + i] == q[i]) {
        eq++;
      } else if (i + 1 - eq > k - need) {
        return -1;
      }
    }
    return eq;
  }

  /** Number of equal values between two stored slots. */
  int equalValues(int a, int b) {
    int ba = a * k;
    int bb = b * k;
    int eq = 0;
    for (int i = 0; i < k; i++) {
      if (values[ba + i] == values[bb + i]) {
        eq++;
      }
    }
    return eq;
  }

  /** Bytes held by the value array and the band tables. */
  long memoryBytes() {
    return 2L * values.length + 4L * bands * tables[0].length;
  }

  private void grow() {
    int cap = tables[0].length;
    int newCap = cap + (cap >> 1) + 1;
    int[][] old = tables;
    tables = new int[bands][newCap];
    for (int b = 0; b < bands; b++) {
      int[] t = tables[b];
      for (int e : old[b]) {
        if (e != 0) {
          int pos = home(values, (e - 1) * k, b, newCap);
          while (t[pos] != 0) {
            pos = pos + 1 == newCap ? 0 : pos + 1;
          }
          t[pos] = e;
        }
      }
    }
  }

  private int home(short[] v, int base, int band, int cap) {
    long h = (band + 1) * Hash64.GOLDEN;
    int from = base + band * rows;
    for (int i = 0; i < rows; i++) {
      h = Long.rotateLeft((h ^ (v[from + i] & 0xFFFF)) * Hash64.GOLDEN, 29);
    }
    long x = Hash64.fmix64(h) & 0xFFFFFFFFL;
    return (int) ((x * cap) >>> 32);
  }
}
