package io.github.syndic.boilerplate;

import io.github.syndic.boilerplate.Lexicon.Category;
import io.github.syndic.boilerplate.Lexicon.CueHits;
import io.github.syndic.hash.Hash64;
import io.github.syndic.text.NormalizedText;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

/**
 * The matching half of a {@link Lexicon}: its tables keyed by the hash of each phrase's chars,
 * and the cue matcher that runs over a block's normalized {@code char[]} (see {@link Lexicon} for
 * the rules of each match kind).
 *
 * <p>Immutable and thread-safe.
 */
final class CueMatcher {
  // The lexicon's tables keyed by the hash of each phrase's chars.
  private final PhraseHashes wholeH;
  private final PhraseHashes prefixH;
  private final PhraseHashes prefixColonH;
  private final PhraseHashes suffixH;
  private final PhraseHashes suffixColonH;
  private final PhraseHashes anywhereH;
  /** Stopword -> index of its language mask in {@link #stopMasks} (1 up; 0: not a stopword). */
  private final PhraseHashes stopwordsH;
  /**
   * The distinct stopword language masks, in increasing order after 0 at index 0: a block keeps
   * a 16-bit index per token instead of a 64-bit mask (a quarter of the memory on a large
   * document).
   */
  private final long[] stopMasks;
  /**
   * Hashes of every leading token run of an anywhere phrase: lets matching stop at the first miss
   * (a hash collision only lets it go on, so the set needs no verification).
   */
  private final HashSet64 anywhereStarts;
  /**
   * Hashes of every leading token run of a whole phrase: a run that is none of them starts no
   * whole phrase (a collision only lets matching go on).
   */
  private final HashSet64 wholeStarts;
  /** Hashes of every leading token run of a prefix phrase (with or without colon). */
  private final HashSet64 prefixStarts;
  /**
   * Hashes of the last token of every suffix phrase (with or without colon): a block whose last
   * token is none of them ends with no suffix phrase (a collision only lets matching go on).
   */
  private final HashSet64 suffixEnds;
  private final int maxPrefixTokens;
  private final int maxAnywhereTokens;
  private final int maxSuffixTokens;
  /** Longest whole phrase, in chars: a longer block equals none. */
  private final int maxWholeChars;
  /** Longest suffix phrase (with or without colon), in chars. */
  private final int maxSuffixChars;

  CueMatcher(
      Object2IntOpenHashMap<String> whole,
      Object2IntOpenHashMap<String> prefix,
      Object2IntOpenHashMap<String> prefixColon,
      Object2IntOpenHashMap<String> suffix,
      Object2IntOpenHashMap<String> suffixColon,
      Object2IntOpenHashMap<String> anywhere,
      Object2LongOpenHashMap<String> stopwords) {
    this.wholeH = PhraseHashes.ofInts(whole);
    this.prefixH = PhraseHashes.ofInts(prefix);
    this.prefixColonH = PhraseHashes.ofInts(prefixColon);
    this.suffixH = PhraseHashes.ofInts(suffix);
    this.suffixColonH = PhraseHashes.ofInts(suffixColon);
    this.anywhereH = PhraseHashes.ofInts(anywhere);
    long[] masks = stopwords.values().toLongArray();
    java.util.Arrays.sort(masks);
    int distinct = 0;
    for (int i = 0; i < masks.length; i++) {
      if (masks[i] != 0 && (distinct == 0 || masks[i] != masks[distinct - 1])) {
        masks[distinct++] = masks[i];
      }
    }
    if (distinct >= Character.MAX_VALUE) {
      throw new IllegalArgumentException("a lexicon can have at most " + (Character.MAX_VALUE - 1)
          + " distinct stopword language sets, this one has " + distinct);
    }
    this.stopMasks = new long[distinct + 1];
    System.arraycopy(masks, 0, stopMasks, 1, distinct);
    Object2LongOpenHashMap<String> index = new Object2LongOpenHashMap<>(stopwords.size());
    for (Object2LongMap.Entry<String> e : stopwords.object2LongEntrySet()) {
      index.put(e.getKey(), java.util.Arrays.binarySearch(stopMasks, 1, stopMasks.length,
          e.getLongValue()));
    }
    this.stopwordsH = PhraseHashes.ofLongs(index);
    this.anywhereStarts = HashSet64.of(starts(anywhere.keySet()));
    this.wholeStarts = HashSet64.of(starts(whole.keySet()));
    LongOpenHashSet prefixes = starts(prefix.keySet());
    prefixes.addAll(starts(prefixColon.keySet()));
    this.prefixStarts = HashSet64.of(prefixes);
    this.maxPrefixTokens = Math.max(maxTokens(prefix), maxTokens(prefixColon));
    this.maxAnywhereTokens = maxTokens(anywhere);
    this.maxSuffixTokens = Math.max(maxTokens(suffix), maxTokens(suffixColon));
    LongOpenHashSet ends = lastTokens(suffix.keySet());
    ends.addAll(lastTokens(suffixColon.keySet()));
    this.suffixEnds = HashSet64.of(ends);
    this.maxWholeChars = maxChars(whole);
    this.maxSuffixChars = Math.max(maxChars(suffix), maxChars(suffixColon));
  }

  /** Hashes of the last token of each phrase (phrases are normalized: single spaces). */
  private static LongOpenHashSet lastTokens(java.util.Set<String> phrases) {
    LongOpenHashSet out = new LongOpenHashSet();
    for (String p : phrases) {
      out.add(Hash64.hashChars(p.substring(p.lastIndexOf(' ') + 1)));
    }
    return out;
  }

  private static int maxChars(Object2IntOpenHashMap<String> m) {
    int max = 0;
    for (String k : m.keySet()) {
      max = Math.max(max, k.length());
    }
    return max;
  }

  /**
   * Hashes of the phrases and all their leading token runs (phrases are normalized: single
   * spaces).
   */
  private static LongOpenHashSet starts(java.util.Set<String> phrases) {
    LongOpenHashSet out = new LongOpenHashSet();
    for (String p : phrases) {
      out.add(Hash64.hashChars(p));
      for (int i = p.indexOf(' '); i >= 0; i = p.indexOf(' ', i + 1)) {
        out.add(Hash64.hashChars(p.substring(0, i)));
      }
    }
    return out;
  }

  private static int maxTokens(Object2IntOpenHashMap<String> m) {
    int max = 0;
    for (String k : m.keySet()) {
      max = Math.max(max, Lexicon.tokenCount(k));
    }
    return max;
  }

  /** The categories of the whole phrase equal to {@code chars[from, to)}, or 0. */
  int wholeMask(char[] chars, int from, int to) {
    return to - from > maxWholeChars ? 0 : (int) wholeH.get(chars, from, to);
  }

  /** {@link #wholeMask(char[], int, int)} of chars whose {@link Hash64#hashChars} is {@code hash}. */
  int wholeMask(char[] chars, int from, int to, long hash) {
    return to - from > maxWholeChars ? 0 : (int) wholeH.get(chars, from, to, hash);
  }

  /**
   * The longest whole phrase among the runs of at most {@code maxTokens} tokens that start at
   * token {@code i} of the normalized chars {@code c} (token t ends at {@code tokenEnds[t]}; tokens
   * are separated by one space): {@code (its tokens << 32) | its categories}, or 0 for none. The
   * runs grow one token at a time and stop at the first that starts no whole phrase.
   */
  long longestWhole(char[] c, int[] tokenEnds, int tokenCount, int i, int maxTokens) {
    int start = i == 0 ? 0 : tokenEnds[i - 1] + 1;
    long run = Hash64.FNV_OFFSET;
    long best = 0;
    for (int k = 1, j = start; k <= maxTokens && i + k <= tokenCount; k++) {
      int end = tokenEnds[i + k - 1];
      for (; j < end; j++) {
        run = (run ^ c[j]) * Hash64.FNV_PRIME;
      }
      long key = Hash64.fmix64(run);
      if (!wholeStarts.contains(key)) {
        break; // no whole phrase starts with these tokens, nor with any longer run
      }
      int m = end - start > maxWholeChars ? 0 : (int) wholeH.get(c, start, end, key);
      if (m != 0) {
        best = ((long) k << 32) | (m & 0xFFFFFFFFL);
      }
    }
    return best;
  }

  /**
   * The index in {@link #stopMasks()} of the stopword languages of the token {@code chars[from,
   * to)} whose {@link Hash64#hashChars} is {@code hash}: 0 when it is no stopword.
   */
  char stopwordIndex(char[] chars, int from, int to, long hash) {
    return (char) stopwordsH.get(chars, from, to, hash);
  }

  /** The table of {@link #stopwordIndex}: index -> language mask (shared; never modify). */
  long[] stopMasks() {
    return stopMasks;
  }
  /**
   * Matches the block and returns what was found.
   *
   * @param nt the normalized block
   * @param s {@code nt.toString()}
   * @param tokenEnds normalized end offset of each token, in order
   * @param tokenCount number of tokens
   * @param tokenHashes {@link Hash64#hashChars} of each token's chars
   */
  CueHits match(NormalizedText nt, String s, int[] tokenEnds, int tokenCount,
      long[] tokenHashes) {
    // Token runs are hashed on the normalized chars as they grow (FNV-1a, as Hash64.hashChars)
    // and looked up by hash; a String is built only for a hit, to name the phrase.
    char[] c = nt.chars();
    // most lines hit no cue: they share NONE, so that a document of many lines keeps one
    // object less per line alive
    CueHits h = null;
    int w = s.length() > maxWholeChars ? 0 : (int) wholeH.get(c, 0, s.length());
    if (w != 0) {
      h = new CueHits(tokenCount);
      h.wholeMask = w;
      h.wholePhrase = s;
    }
    int maxP = Math.min(maxPrefixTokens, tokenCount);
    long st = Hash64.FNV_OFFSET;
    for (int k = 1, j = 0; k <= maxP; k++) {
      int end = tokenEnds[k - 1];
      for (; j < end; j++) {
        st = (st ^ c[j]) * Hash64.FNV_PRIME;
      }
      long key = Hash64.fmix64(st);
      if (!prefixStarts.contains(key)) {
        break; // no prefix phrase starts with these tokens, nor with any longer run
      }
      int m = (int) prefixH.get(c, 0, end, key);
      int col = (int) prefixColonH.get(c, 0, end, key);
      if (col != 0 && followedByColon(nt, end)) {
        m |= col;
      }
      if (m != 0) {
        h = h == null ? new CueHits(tokenCount) : h;
        h.prefixMask |= m;
        h.prefixPhrase = s.substring(0, end);
        h.prefixTokens = k;
      }
    }
    int maxS = Math.min(maxSuffixTokens, tokenCount);
    if (maxS > 0 && !suffixEnds.contains(tokenHashes[tokenCount - 1])) {
      maxS = 0; // no suffix phrase ends with the block's last token
    }
    for (int k = 1; k <= maxS; k++) {
      int i = tokenCount - k;
      int start = i == 0 ? 0 : tokenEnds[i - 1] + 1;
      if (s.length() - start > maxSuffixChars) {
        break; // longer than every suffix phrase, as are the runs with more tokens
      }
      long key = Hash64.hashChars(c, start, s.length());
      int m = (int) suffixH.get(c, start, s.length(), key);
      int col = (int) suffixColonH.get(c, start, s.length(), key);
      if (col != 0 && endsWithColon(nt.original())) {
        m |= col;
      }
      if (m != 0) {
        h = h == null ? new CueHits(tokenCount) : h;
        h.suffixMask |= m;
        h.suffixPhrase = s.substring(start);
      }
    }
    int maxA = maxAnywhereTokens;
    for (int i = 0; i < tokenCount && maxA > 0; i++) {
      if (!anywhereStarts.contains(tokenHashes[i])) {
        continue; // the run of one token, below, would stop at once
      }
      int start = i == 0 ? 0 : tokenEnds[i - 1] + 1;
      long run = Hash64.FNV_OFFSET;
      for (int k = 1, j = start; k <= maxA && i + k <= tokenCount; k++) {
        int end = tokenEnds[i + k - 1];
        for (; j < end; j++) {
          run = (run ^ c[j]) * Hash64.FNV_PRIME;
        }
        long key = Hash64.fmix64(run);
        if (!anywhereStarts.contains(key)) {
          break; // no phrase starts with these tokens, nor with any longer run
        }
        int m = (int) anywhereH.get(c, start, end, key);
        if (m != 0) {
          h = h == null ? new CueHits(tokenCount) : h;
          h.anywhereMask |= m;
          if (h.anywherePhrase == null
              || (m & ~(Category.STOPWORD.bit() | Category.MONTH.bit())) != 0) {
            h.anywherePhrase = s.substring(start, end);
          }
          for (int t = i; t < i + k; t++) {
            h.tokenMask[t] |= m;
          }
        }
      }
    }
    return h == null ? CueHits.NONE : h;
  }

  /**
   * True when, in the original text, the first visible char after normalized offset {@code end}
   * is a colon or a dash (of any script).
   */
  private static boolean followedByColon(NormalizedText nt, int end) {
    CharSequence o = nt.original();
    int i = nt.originalEnd(end - 1);
    int limit = Math.min(o.length(), i + 4);
    for (; i < limit; i++) {
      char c = o.charAt(i);
      if (c == ':' || c == '\uFF1A' || c == '-' || c == '\u2013' || c == '\u2014' || c == '|') {
        return true;
      }
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)
          && Character.getType(c) != Character.FORMAT) {
        return false;
      }
    }
    return i >= o.length();
  }

  private static boolean endsWithColon(CharSequence o) {
    for (int i = o.length() - 1; i >= 0; i--) {
      char c = o.charAt(i);
      if (c == ':' || c == '\uFF1A') {
        return true;
      }
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        return false;
      }
    }
    return false;
  }

}
