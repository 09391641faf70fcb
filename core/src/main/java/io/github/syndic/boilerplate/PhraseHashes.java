package io.github.syndic.boilerplate;

import io.github.syndic.hash.Hash64;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.Map;

/**
 * One phrase table of a {@link Lexicon} keyed by the {@link Hash64#hashChars} of each phrase, so
 * that a block's token runs are looked up on its normalized {@code char[]} without building a
 * String per run (the cue matcher tries every run of up to a dozen tokens at every token). A hit
 * is verified against the phrase's chars, so the answer is exactly the String table's; two phrases
 * of one table with the same hash (never seen, but possible) make that hash fall back to a String
 * look-up.
 *
 * <p>Immutable and thread-safe.
 */
final class PhraseHashes {
  /**
   * The table: open addressing (linear probing, at most half full) over the phrases' hashes,
   * which are mixed already ({@link Hash64#fmix64}), so their top bits pick the slot; one probe
   * reads the hash, the value and the phrase of a slot from three parallel arrays.
   */
  private final long[] keys;
  /** The phrase's value (category bits, or a stopword's language index); 0 for none. */
  private final long[] values;
  /** The phrase, to verify a hit; null for an empty slot. */
  private final String[] phrases;
  /** The slot's hash is shared by two phrases of this table: looked up by String. */
  private final boolean[] shared;
  private final int shift;
  private final int mask;
  private final Object2LongOpenHashMap<String> exact = new Object2LongOpenHashMap<>();

  private PhraseHashes(int size) {
    int cap = Integer.highestOneBit(Math.max(8, size) * 2 - 1) << 1; // at least 2 * size
    keys = new long[cap];
    values = new long[cap];
    phrases = new String[cap];
    shared = new boolean[cap];
    mask = cap - 1;
    shift = 64 - Integer.numberOfTrailingZeros(cap);
  }

  static PhraseHashes ofInts(Object2IntOpenHashMap<String> table) {
    PhraseHashes h = new PhraseHashes(table.size());
    for (Map.Entry<String, Integer> e : table.entrySet()) {
      h.put(e.getKey(), e.getValue());
    }
    return h;
  }

  static PhraseHashes ofLongs(Object2LongOpenHashMap<String> table) {
    PhraseHashes h = new PhraseHashes(table.size());
    for (Map.Entry<String, Long> e : table.entrySet()) {
      h.put(e.getKey(), e.getValue());
    }
    return h;
  }

  /** The slot of {@code hash}: where it is, or the empty slot where it goes. */
  private int slot(long hash) {
    int i = (int) (hash >>> shift);
    while (phrases[i] != null && keys[i] != hash) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void put(String phrase, long value) {
    long k = Hash64.hashChars(phrase);
    exact.put(phrase, value);
    int i = slot(k);
    String other = phrases[i];
    if (other != null && !other.equals(phrase)) {
      shared[i] = true;
    }
    keys[i] = k;
    phrases[i] = phrase;
    values[i] = value;
  }

  /**
   * The value of the phrase {@code chars[from, to)} whose {@link Hash64#hashChars} is {@code
   * hash}, or 0 when it is not in the table.
   */
  long get(char[] chars, int from, int to, long hash) {
    int i = (int) (hash >>> shift);
    String p;
    while ((p = phrases[i]) != null && keys[i] != hash) {
      i = (i + 1) & mask;
    }
    long v = p == null ? 0 : values[i];
    if (v == 0) {
      return 0;
    }
    if (shared[i]) {
      return exact.getLong(new String(chars, from, to - from));
    }
    if (p.length() != to - from) {
      return 0;
    }
    for (int j = 0; j < p.length(); j++) {
      if (p.charAt(j) != chars[from + j]) {
        return 0;
      }
    }
    return v;
  }

  /** {@link #get} that hashes the region itself. */
  long get(char[] chars, int from, int to) {
    return get(chars, from, to, Hash64.hashChars(chars, from, to));
  }
}
