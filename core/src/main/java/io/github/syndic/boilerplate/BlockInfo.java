package io.github.syndic.boilerplate;

import io.github.syndic.boilerplate.Lexicon.CueHits;
import io.github.syndic.doc.Block;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.Tokenizer;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

/**
 * The features of one block that the rules read, and the label they give it. The line features
 * (tokens, cue hits, stopwords) are computed once by {@link #of}; the document features ({@link
 * #repeated}, {@link #stopShare}) and the label are written by the classifier and its rules.
 *
 * <p>Mutable and not thread-safe: confined to one document (one classify call, or the calls of one
 * document view).
 */
final class BlockInfo {
  Block block;
  /** The normalized view; null once the local rules have run. */
  NormalizedText nt;
  /**
   * {@link io.github.syndic.hash.Hash64#hashChars} of each token, as the cue matcher computed them;
   * dropped with {@link #nt}.
   */
  long[] tokenHashes;
  /** {@link TemplateModel#fingerprint(NormalizedText)}, when a model is given. */
  long fingerprint;
  boolean hasFingerprint;
  String norm;
  int tokens;
  /** Tokens as the {@link io.github.syndic.text.Tokenizer} counts them (a CJK char is one). */
  int words;
  int[] tokenEnds;
  /**
   * The stopword languages of each token, looked up once per block, as indexes into {@link
   * #stopMasks}; null when no token is a stopword.
   */
  char[] stop;
  /** The lexicon's table of stopword language masks ({@link Lexicon#stopMasks()}). */
  long[] stopMasks;
  /**
   * For each language with a stopword among the tokens, in increasing order: {@code (language
   * << LANGUAGE_SHIFT) | the number of tokens that are its stopwords}; null when {@link #stop} is.
   * The document language and each block's stopword share sum these instead of reading every
   * token's mask again at each classification of the block.
   */
  int[] languageTokens;
  CueHits hits;
  boolean sentenceEnd;
  /** A timestamp line that names a day (a date, a month, a relative day), not only a time. */
  boolean day;
  boolean bullet;
  int digitTokens;
  double stopShare;
  RemovalKind kind;
  /** The rule that labelled the block, null while {@link #kind} is null. */
  Rule rule;
  String reason;
  boolean strongMarker;
  /** A line a page's article region should not span (comment author lines). */
  boolean barrier;
  /** The same normalized text occurs in another block of the document. */
  boolean repeated;
  /**
   * A 64-bit key of the normalized text, from its token hashes: equal texts, equal keys ({@link
   * #markRepeats} compares the texts of equal keys).
   */
  long textKey;
  /**
   * HTML: the outermost furniture element (named or marked as related stories, navigation...)
   * the block lies in below the article element, as {@link StructureRules} found it; -1 for
   * none, and always for text.
   */
  int furniture = -1;

  /**
   * Back to the state the local rules leave on a block they keep (no kind, no marker): clears
   * every field that a context rule writes.
   */
  void resetContext() {
    stopShare = 0;
    kind = null;
    rule = null;
    reason = null;
    strongMarker = false;
    barrier = false;
    repeated = false;
    furniture = -1;
  }

  /** The stopword languages of token {@code i}. */
  long stop(int i) {
    return stop == null ? 0 : stopMasks[stop[i]];
  }

  /** Token {@code i} of the normalized text. */
  /**
   * Hash of token {@code i}'s normalized chars ({@link io.github.syndic.hash.Hash64#hashChars}):
   * a set of tokens without a String each (equal tokens, equal hashes; 64 bits make a collision of
   * two words of one document practically impossible).
   */
  long tokenHash(int i) {
    int s = i == 0 ? 0 : tokenEnds[i - 1] + 1;
    long h = io.github.syndic.hash.Hash64.FNV_OFFSET;
    for (int j = s; j < tokenEnds[i]; j++) {
      h = (h ^ norm.charAt(j)) * io.github.syndic.hash.Hash64.FNV_PRIME;
    }
    return io.github.syndic.hash.Hash64.fmix64(h);
  }

  /** Length of token {@code i}, in chars. */
  int tokenLength(int i) {
    return tokenEnds[i] - (i == 0 ? 0 : tokenEnds[i - 1] + 1);
  }

  /** Whether token {@code i} is ASCII digits only (as {@link LineRules#isDigits}). */
  boolean tokenIsDigits(int i) {
    int s = i == 0 ? 0 : tokenEnds[i - 1] + 1;
    for (int j = s; j < tokenEnds[i]; j++) {
      char c = norm.charAt(j);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return tokenEnds[i] > s;
  }

  /**
   * {@link Lexicon#wholeMask} of token {@code i}: looked up on the normalized chars while the view
   * is there (no substring; the same answer).
   */
  int tokenWholeMask(int i, Lexicon lexicon) {
    if (nt == null) {
      return lexicon.wholeMask(token(i));
    }
    int s = i == 0 ? 0 : tokenEnds[i - 1] + 1;
    return lexicon.wholeMask(nt.chars(), s, tokenEnds[i], tokenHashes[i]);
  }

  String token(int i) {
    int s = i == 0 ? 0 : tokenEnds[i - 1] + 1;
    return norm.substring(s, tokenEnds[i]);
  }

  /** Labels the block (see {@link Rule#apply}). */
  void label(Rule rule, RemovalKind kind, String reason) {
    this.kind = kind;
    this.rule = rule;
    this.reason = reason;
  }

  /** The score of the label, 0 while unlabelled. */
  double score() {
    return rule == null ? 0 : rule.confidence();
  }

  /** {@code tokenEnds} of one-token lines of length i, shared (never written). */
  private static final int[][] ONE_TOKEN_ENDS = new int[32][];

  static {
    for (int i = 0; i < ONE_TOKEN_ENDS.length; i++) {
      ONE_TOKEN_ENDS[i] = new int[] {i};
    }
  }

  /**
   * The features of {@code block}, whose normalized view is {@code nt}: tokens, digit tokens, cue
   * hits, stopword languages, sentence end and bullet. The normalized view {@link #nt} stays until
   * the caller drops it.
   */
  static BlockInfo of(Block block, NormalizedText nt, Lexicon lexicon) {
    BlockInfo b = new BlockInfo();
    b.block = block;
    b.nt = nt;
    // a line that normalization leaves as it is (a number, a lower-case word) shares its String
    b.norm = b.nt.contentEquals(block.text()) ? block.text() : b.nt.toString();
    char[] chars = nt.chars();
    int len = nt.length();
    int count = len == 0 ? 0 : 1;
    for (int i = 0; i < len; i++) {
      if (chars[i] == ' ') {
        count++;
      }
    }
    b.tokens = count;
    if (count == 1 && len < ONE_TOKEN_ENDS.length) {
      b.tokenEnds = ONE_TOKEN_ENDS[len];
    } else {
      b.tokenEnds = new int[count];
      int t = 0;
      for (int i = 0; i < len; i++) {
        if (chars[i] == ' ') {
          b.tokenEnds[t++] = i;
        }
      }
      if (count > 0) {
        b.tokenEnds[t] = len;
      }
    }
    // each token's hash, once: the cue matcher and the stopword look-up both start from it
    long[] hashes = new long[count];
    long key = count;
    for (int i = 0, s = 0; i < count; s = b.tokenEnds[i] + 1, i++) {
      int e = b.tokenEnds[i];
      boolean digit = true;
      long h = io.github.syndic.hash.Hash64.FNV_OFFSET;
      for (int j = s; j < e; j++) {
        char c = chars[j];
        digit &= c >= '0' && c <= '9';
        h = (h ^ c) * io.github.syndic.hash.Hash64.FNV_PRIME;
      }
      hashes[i] = io.github.syndic.hash.Hash64.fmix64(h);
      key = (key ^ hashes[i]) * TEXT_KEY_MULTIPLIER;
      if (digit) {
        b.digitTokens++;
      }
    }
    b.textKey = io.github.syndic.hash.Hash64.fmix64(key);
    b.tokenHashes = hashes;
    b.hits = lexicon.match(b.nt, b.norm, b.tokenEnds, count, hashes);
    for (int i = 0, s = 0; i < count; s = b.tokenEnds[i] + 1, i++) {
      char m = lexicon.stopwordIndex(chars, s, b.tokenEnds[i], hashes[i]);
      if (m != 0) {
        if (b.stop == null) {
          b.stop = new char[count];
          b.stopMasks = lexicon.stopMasks();
        }
        b.stop[i] = m;
      }
    }
    if (b.stop != null) {
      b.languageTokens = languageTokens(b);
    }
    b.words = Tokenizer.count(b.nt);
    b.sentenceEnd = Patterns.isSentenceEnd(Patterns.lastVisible(block.text()));
    b.bullet = Patterns.isBulleted(block.text());
    return b;
  }

  /**
   * Bits of a {@link #languageTokens} entry that hold the count: a block has at most {@code
   * maxBlockChars / 2 + 1} tokens (one char and a space each), and the cleaner's largest {@code
   * maxBlockChars} is far below 2^25; a larger count (only from a direct call on a longer block) is
   * kept at the maximum, which no share or sum of a real document reaches.
   */
  static final int LANGUAGE_SHIFT = 26;

  private static final int COUNT_MASK = (1 << LANGUAGE_SHIFT) - 1;

  /** {@link #languageTokens} of a block whose {@link #stop} is set. */
  private static int[] languageTokens(BlockInfo b) {
    int[] perLanguage = new int[Long.SIZE];
    long seen = 0;
    for (int i = 0; i < b.tokens; i++) {
      long mask = b.stop(i);
      seen |= mask;
      for (long m = mask; m != 0; m &= m - 1) {
        perLanguage[Long.numberOfTrailingZeros(m)]++;
      }
    }
    int[] out = new int[Long.bitCount(seen)];
    int k = 0;
    for (long m = seen; m != 0; m &= m - 1) {
      int l = Long.numberOfTrailingZeros(m);
      out[k++] = (l << LANGUAGE_SHIFT) | Math.min(perLanguage[l], COUNT_MASK);
    }
    return out;
  }

  /** The number of tokens of {@code b} that are stopwords of language {@code lang}. */
  private static int languageTokens(BlockInfo b, int lang) {
    if (b.languageTokens == null) {
      return 0;
    }
    for (int e : b.languageTokens) {
      if (e >>> LANGUAGE_SHIFT == lang) {
        return e & COUNT_MASK;
      }
    }
    return 0;
  }

  /** The odd multiplier that folds token hashes into {@link #textKey}: 2^64 / the golden ratio. */
  private static final long TEXT_KEY_MULTIPLIER = 0x9E3779B97F4A7C15L;

  /**
   * Sets {@link #repeated} on every block whose normalized text occurs in another block: blocks
   * are grouped by {@link #textKey}, each compared with the first of its key (the texts are read
   * only for equal keys; if two texts of one key differ, by {@link #markRepeatsByText}).
   */
  static void markRepeats(BlockInfo[] info) {
    Long2IntOpenHashMap first = new Long2IntOpenHashMap(info.length);
    first.defaultReturnValue(-1);
    for (BlockInfo b : info) {
      b.repeated = false;
    }
    for (int i = 0; i < info.length; i++) {
      BlockInfo b = info[i];
      if (b.norm.isEmpty()) {
        continue;
      }
      int j = first.putIfAbsent(b.textKey, i);
      if (j >= 0) {
        if (!info[j].norm.equals(b.norm)) {
          markRepeatsByText(info); // two texts of one key
          return;
        }
        info[j].repeated = true;
        b.repeated = true;
      }
    }
  }

  /** {@link #markRepeats} by the texts themselves. */
  static void markRepeatsByText(BlockInfo[] info) {
    Object2IntOpenHashMap<String> seen = new Object2IntOpenHashMap<>();
    for (BlockInfo b : info) {
      seen.addTo(b.norm, 1);
    }
    for (BlockInfo b : info) {
      b.repeated = !b.norm.isEmpty() && seen.getInt(b.norm) > 1;
    }
  }

  /**
   * The document's language is the lexicon language with the most stopword hits, provided they
   * are at least this share of all tokens (running text in a language has 30-50% stopwords; below
   * 10% the language is not in the lexicon and stopword shares are not used).
   */
  static final double DOC_LANGUAGE_MIN_STOPWORD_SHARE = 0.1;

  /** The language (bit index in the lexicon) with the most stopword hits, or -1. */
  static int documentLanguage(BlockInfo[] info, Lexicon lexicon) {
    int langs = lexicon.languages().size();
    long[] hits = new long[langs];
    for (BlockInfo b : info) {
      if (b.languageTokens == null) {
        continue; // no stopword in the block
      }
      for (int e : b.languageTokens) {
        int l = e >>> LANGUAGE_SHIFT;
        if (l < langs) {
          hits[l] += e & COUNT_MASK;
        }
      }
    }
    int best = -1;
    for (int l = 0; l < langs; l++) {
      if (hits[l] > 0 && (best < 0 || hits[l] > hits[best])) {
        best = l;
      }
    }
    long tokens = 0;
    for (BlockInfo b : info) {
      tokens += b.tokens;
    }
    return best >= 0 && hits[best] >= DOC_LANGUAGE_MIN_STOPWORD_SHARE * tokens ? best : -1;
  }

  /** The share of the tokens of {@code b} that are stopwords of language {@code lang}, or NaN. */
  static double stopShare(BlockInfo b, int lang) {
    if (lang < 0 || b.tokens == 0) {
      return Double.NaN;
    }
    if (b.stop == null) {
      return 0; // no stopword of any language
    }
    return (double) languageTokens(b, lang) / b.tokens;
  }
}
