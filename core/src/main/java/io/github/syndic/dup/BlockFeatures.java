package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.CHAR_SHINGLE;
import static io.github.syndic.dup.DuplicateDetector.WORD_SHINGLE;

import io.github.syndic.hash.Hash64;
import io.github.syndic.shingle.Shingler;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.Tokenizer;
import io.github.syndic.text.Tokens;
import java.util.Arrays;

/**
 * The summary of one block that the duplicate stage compares: the length and hash of its
 * normalized text, its token count, the distinct hashes of its char {@value
 * DuplicateDetector#CHAR_SHINGLE}-grams (sorted when a merge first needs them), and the sorted
 * distinct hashes of its word {@value DuplicateDetector#WORD_SHINGLE}-grams and digit-bearing
 * tokens; plus the sorted-set operations over them. The features depend on the block's text
 * only. Fixed once built (sorting the char shingles keeps the set); shared by every block of a
 * document with the same normalized text, within one thread.
 */
final class BlockFeatures {
  /** The empty hash array, shared (never written). */
  static final long[] NO_HASHES = new long[0];

  int normLength;
  long textHash; // Hash64.hashChars of the normalized text
  int tokens;
  /**
   * Distinct char shingle hashes, in the order of their first occurrence until {@link #sortedC5}
   * sorts them (in place: the same set).
   */
  long[] c5;
  private boolean c5Sorted;
  long[] w3; // sorted distinct word shingle hashes; null until words() (then figures too)
  long[] figures; // sorted distinct hashes of the digit runs ('480' of 'و480', '2' and '300' of '2,300')
  long[] pieces; // sorted distinct word-piece hashes (see #pieces); null until a pair needs them
  long figureKey; // FigureCandidates.figureKey when NEAR_ANCHORED_MIN_SHINGLES c5 or more; else 0

  private BlockFeatures() {}

  /** A scratch buffer for {@link #of} on a text of {@code len} normalized chars. */
  static long[] scratchFor(long[] scratch, int len) {
    int cap = Math.max(1, len - CHAR_SHINGLE + 1);
    return scratch.length >= cap ? scratch : new long[Math.max(cap, scratch.length * 2)];
  }

  /**
   * The features of {@code nt} (its {@link #textHash} is left for the caller), using {@code
   * scratch} from {@link #scratchFor} for the char shingles and {@code sort} for the sets.
   */
  static BlockFeatures of(NormalizedText nt, long[] scratch, HashSort sort) {
    BlockFeatures f = new BlockFeatures();
    int len = nt.length();
    f.normLength = len;
    int sc = Shingler.charShingles(nt.chars(), 0, len, CHAR_SHINGLE, scratch);
    f.c5 = sort.distinct(scratch, sc);
    f.tokens = Tokenizer.count(nt);
    if (f.c5.length >= DuplicateDetector.NEAR_ANCHORED_MIN_SHINGLES) {
      f.figureKey = FigureCandidates.figureKey(nt.chars(), len);
    }
    return f;
  }

  /** {@link #c5} sorted (the first call sorts it, with {@code sort}). */
  long[] sortedC5(HashSort sort) {
    if (!c5Sorted) {
      sort.sortInPlace(c5);
      c5Sorted = true;
    }
    return c5;
  }

  /** True once {@link #words} has filled {@link #w3} and {@link #figures}. */
  boolean hasWords() {
    return w3 != null;
  }

  /**
   * Fills {@link #w3} and {@link #figures} from {@code nt}, this block's normalized text (once): only
   * the blocks of a judged pair need them, a small share of a document's blocks.
   */
  void words(NormalizedText nt, HashSort sort) {
    if (w3 != null) {
      return;
    }
    char[] c = nt.chars();
    Tokens t = Tokenizer.tokenize(nt);
    int m = t.size();
    long[] words = NO_HASHES;
    if (m > 0) {
      long[] th = new long[m];
      t.copyHashes(th);
      long[] w = new long[Math.max(1, m - WORD_SHINGLE + 1)];
      int wl = Shingler.wordShingles(th, 0, m, WORD_SHINGLE, w);
      words = sort.sortedDistinct(wl == w.length ? w : Arrays.copyOf(w, wl));
    }
    long[] runs = NO_HASHES;
    int nr = 0;
    for (int i = 0; i < m; i++) {
      for (int j = t.start(i); j < t.end(i); j++) {
        if (c[j] >= '0' && c[j] <= '9') {
          int e = j + 1;
          while (e < t.end(i) && c[e] >= '0' && c[e] <= '9') {
            e++;
          }
          if (nr == runs.length) {
            runs = Arrays.copyOf(runs, Math.max(4, nr * 2));
          }
          runs[nr++] = Hash64.hashChars(c, j, e);
          j = e - 1;
        }
      }
    }
    figures = nr == 0 ? NO_HASHES : sort.sortedDistinct(Arrays.copyOf(runs, nr));
    w3 = words;
  }

  /**
   * Char n-grams inside words ({@link DuplicateDetector#WORD_PIECE} chars, the word padded with a
   * boundary mark at each end; a shorter padded word is one piece): the vocabulary of a block
   * without its word order, tolerant of endings and clitics. A rewording moves clauses and swaps
   * connectives, which breaks char 5-grams across words, and keeps most of its words' stems.
   */
  static long[] pieces(NormalizedText nt, HashSort sort) {
    char[] c = nt.chars();
    Tokens t = Tokenizer.tokenize(nt);
    int m = t.size();
    if (m == 0) {
      return NO_HASHES;
    }
    int k = DuplicateDetector.WORD_PIECE;
    int total = 0;
    for (int i = 0; i < m; i++) {
      total += Math.max(1, t.end(i) - t.start(i) + 2 - k + 1);
    }
    long[] out = new long[total];
    int n = 0;
    char[] w = new char[16];
    for (int i = 0; i < m; i++) {
      int len = t.end(i) - t.start(i) + 2;
      if (w.length < len) {
        w = new char[Math.max(len, w.length * 2)];
      }
      w[0] = PIECE_BOUNDARY;
      System.arraycopy(c, t.start(i), w, 1, len - 2);
      w[len - 1] = PIECE_BOUNDARY;
      if (len <= k) {
        out[n++] = Hash64.hashChars(w, 0, len);
      } else {
        for (int j = 0; j + k <= len; j++) {
          out[n++] = Hash64.hashChars(w, j, j + k);
        }
      }
    }
    return sort.sortedDistinct(n == total ? out : Arrays.copyOf(out, n));
  }

  /** The mark that pads a word at both ends in {@link #pieces} (a control char: never in text). */
  private static final char PIECE_BOUNDARY = '\u0001';

  /** True when the text ends (before trailing white space) with '...' or '…'. */
  static boolean endsTruncated(String text) {
    int e = text.length();
    while (e > 0 && (Character.isWhitespace(text.charAt(e - 1))
        || Character.isSpaceChar(text.charAt(e - 1)))) {
      e--;
    }
    if (e > 0 && text.charAt(e - 1) == '\u2026') {
      return true;
    }
    return e >= 3 && text.startsWith("...", e - 3);
  }

  // ---------------------------------------------------------------- sorted sets of hashes

  /** Size of the intersection of two sorted distinct arrays. */
  static int intersect(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      if (x == y) {
        c++;
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return c;
  }

  /**
   * True when every figure (digit run) of one block occurs in the other (one set includes the
   * other): '3-1' and '0-2' are different facts; 'و480' and '480' (a clitic written onto the
   * number) are one.
   */
  static boolean numbersCompatible(long[] a, long[] b) {
    int inter = intersect(a, b);
    return inter == a.length || inter == b.length;
  }
}
