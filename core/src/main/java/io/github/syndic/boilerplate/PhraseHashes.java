package io.github.syndic.boilerplate;

import io.github.syndic.hash.Hash64;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
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
  /** Hash -> the phrase's value (category bits, or language bits for stopwords). */
  private final Long2LongOpenHashMap values = new Long2LongOpenHashMap();
  /** Hash -> the phrase, to verify a hit. */
  private final Long2ObjectOpenHashMap<String> phrases = new Long2ObjectOpenHashMap<>();
  /** Hashes shared by two phrases of this table: looked up by String. */
  private final LongOpenHashSet shared = new LongOpenHashSet();
  private final Object2LongOpenHashMap<String> exact = new Object2LongOpenHashMap<>();

  static PhraseHashes ofInts(Object2IntOpenHashMap<String> table) {
    PhraseHashes h = new PhraseHashes();
    for (Map.Entry<String, Integer> e : table.entrySet()) {
      h.put(e.getKey(), e.getValue());
    }
    return h;
  }

  static PhraseHashes ofLongs(Object2LongOpenHashMap<String> table) {
    PhraseHashes h = new PhraseHashes();
    for (Map.Entry<String, Long> e : table.entrySet()) {
      h.put(e.getKey(), e.getValue());
    }
    return h;
  }

  private void put(String phrase, long value) {
    long k = Hash64.hashChars(phrase);
    exact.put(phrase, value);
    String other = phrases.get(k);
    if (other != null && !other.equals(phrase)) {
      shared.add(k);
    }
    phrases.put(k, phrase);
    values.put(k, value);
  }

  /**
   * The value of the phrase {@code chars[from, to)} whose {@link Hash64#hashChars} is {@code
   * hash}, or 0 when it is not in the table.
   */
  long get(char[] chars, int from, int to, long hash) {
    long v = values.get(hash);
    if (v == 0) {
      return 0;
    }
    if (shared.contains(hash)) {
      return exact.getLong(new String(chars, from, to - from));
    }
    String p = phrases.get(hash);
    if (p.length() != to - from) {
      return 0;
    }
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) != chars[from + i]) {
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
