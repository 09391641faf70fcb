package io.github.syndic.index;

import io.github.syndic.hash.Hash64;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The document ids of the feed index: each slot's id as a UTF-8 byte array (no {@link String}
 * kept: a 31-character ASCII URL takes 48 bytes instead of 72), and a primitive open-addressing
 * table from id to slot that stores only {@code slot + 1} per entry (4 bytes; the key is the
 * slot's bytes), with linear probing, backward-shift deletion, and growth by a quarter at 75%
 * load (load in [0.6, 0.75]). Slot references and the table are paged like {@link IntPages}.
 *
 * <p>Not thread-safe: {@link NearDuplicateIndex} guards it with its lock.
 */
final class IdTable {
  /** Load that triggers growth (linear-probing lookups stay a few probes long). */
  private static final double MAX_LOAD = 0.75;

  /** Growth factor of the table. */
  private static final double GROWTH = 1.25;

  private static final int RSHIFT = 12;
  private static final int RPAGE = 1 << RSHIFT;
  private static final int RMASK = RPAGE - 1;
  private static final int TSHIFT = IntPages.SHIFT;
  private static final int TMASK = IntPages.MASK;

  /** refs[page][i]: UTF-8 id of slot page * RPAGE + i, null when free. */
  private byte[][][] refs = new byte[0][][];
  private int slotCap;
  private int[][] table;
  private int cap;
  private int size;
  private long idBytes;

  IdTable(int expected) {
    cap = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 1, (long) (expected / MAX_LOAD) + 1));
    table = IntPages.table(cap);
    ensureSlots(expected);
  }


  /**
   * The UTF-8 bytes of an id, or null when it has an unpaired surrogate (such an id has no UTF-8
   * form: encoding would replace the surrogate and could make two ids equal).
   */
  static byte[] utf8(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < id.length()
          && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return null;
      }
    }
    return id.getBytes(StandardCharsets.UTF_8);
  }

  /** Makes room for slots {@code [0, n)}. */
  void ensureSlots(int n) {
    while (slotCap < n) {
      int last = refs.length - 1;
      if (last == 0 && refs[0].length < RPAGE) {
        int len = (int) Math.min(RPAGE, Math.max((long) n, 2L * slotCap));
        refs[0] = Arrays.copyOf(refs[0], len);
        slotCap = len;
      } else if (last < 0) {
        int len = Math.min(RPAGE, Math.max(16, n));
        refs = new byte[][][] {new byte[len][]};
        slotCap = len;
      } else {
        refs = Arrays.copyOf(refs, refs.length + 1);
        refs[last + 1] = new byte[RPAGE][];
        slotCap += RPAGE;
      }
    }
  }

  /** True when {@code slot} holds a document. */
  boolean live(int slot) {
    return refs[slot >>> RSHIFT][slot & RMASK] != null;
  }

  /** The UTF-8 id of {@code slot}, or null when free. */
  byte[] bytes(int slot) {
    return refs[slot >>> RSHIFT][slot & RMASK];
  }

  /** The id of a live {@code slot}. */
  String id(int slot) {
    return new String(bytes(slot), StandardCharsets.UTF_8);
  }

  /** The slot of an id, or -1 (always for an id with an unpaired surrogate: none is stored). */
  int find(String id) {
    byte[] b = utf8(id);
    return b == null ? -1 : find(b);
  }

  /** The slot of a UTF-8 id, or -1. */
  int find(byte[] id) {
    int pos = home(id, cap);
    for (int e = entry(pos); e != 0; e = entry(pos)) {
      if (Arrays.equals(bytes(e - 1), id)) {
        return e - 1;
      }
      pos = pos + 1 == cap ? 0 : pos + 1;
    }
    return -1;
  }

  /** Gives {@code slot} (free, within capacity) the id {@code id} (not yet present). */
  void put(int slot, byte[] id) {
    if (size + 1 > cap * MAX_LOAD) {
      grow();
    }
    refs[slot >>> RSHIFT][slot & RMASK] = id;
    int pos = home(id, cap);
    while (entry(pos) != 0) {
      pos = pos + 1 == cap ? 0 : pos + 1;
    }
    table[pos >>> TSHIFT][pos & TMASK] = slot + 1;
    size++;
    idBytes += LongPages.arrayBytes(id.length, 1);
  }

  /** Frees a live {@code slot}. */
  void remove(int slot) {
    byte[] id = bytes(slot);
    int pos = home(id, cap);
    while (entry(pos) != slot + 1) {
      if (entry(pos) == 0) {
        throw new IllegalStateException("index corrupted: slot " + slot + " missing in id table");
      }
      pos = pos + 1 == cap ? 0 : pos + 1;
    }
    int hole = pos;
    int j = pos;
    while (true) {
      j = j + 1 == cap ? 0 : j + 1;
      int e = entry(j);
      if (e == 0) {
        break;
      }
      int h = home(bytes(e - 1), cap);
      boolean stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
      if (!stays) {
        table[hole >>> TSHIFT][hole & TMASK] = e;
        hole = j;
      }
    }
    table[hole >>> TSHIFT][hole & TMASK] = 0;
    refs[slot >>> RSHIFT][slot & RMASK] = null;
    size--;
    idBytes -= LongPages.arrayBytes(id.length, 1);
  }

  /** Bytes held: the id arrays, the slot references and the table. */
  long memoryBytes() {
    long b = idBytes + LongPages.arrayBytes(refs.length, 4);
    for (byte[][] p : refs) {
      b += LongPages.arrayBytes(p.length, 4);
    }
    return b + LongPages.arrayBytes(table.length, 4) + LongPages.intArraysBytes(table);
  }

  private int entry(int pos) {
    return table[pos >>> TSHIFT][pos & TMASK];
  }

  private void grow() {
    int newCap = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(cap + 16L, (long) (cap * GROWTH)));
    if (newCap <= cap) {
      throw new IllegalStateException("index full: " + size + " ids");
    }
    int[][] t = IntPages.table(newCap);
    for (int[] page : table) {
      for (int e : page) {
        if (e != 0) {
          int pos = home(bytes(e - 1), newCap);
          while (t[pos >>> TSHIFT][pos & TMASK] != 0) {
            pos = pos + 1 == newCap ? 0 : pos + 1;
          }
          t[pos >>> TSHIFT][pos & TMASK] = e;
        }
      }
    }
    table = t;
    cap = newCap;
  }

  private static int home(byte[] id, int cap) {
    long x = Hash64.fmix64(Arrays.hashCode(id) * Hash64.GOLDEN + id.length) & 0xFFFFFFFFL;
    return (int) ((x * cap) >>> 32);
  }
}
