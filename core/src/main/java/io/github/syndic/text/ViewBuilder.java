package io.github.syndic.text;

import java.util.Arrays;

/**
 * Builds the output of {@link TextNormalizer} for one text: the offset-keeping view (each
 * normalized char with the original range it came from), the normalized chars alone, or, in token
 * mode, the token hashes, fed char by char to the {@link TokenRule} without materializing the view
 * (the fused path of signatures). The table path folds whole chunks through the {@link FoldTable};
 * the general path receives NFKC code points one at a time ({@link #fold}).
 *
 * <p>Mutable and not thread-safe: one text, one thread.
 */
final class ViewBuilder {
  private final CharSequence original;
  /** The normalized chars (not in token mode). */
  char[] out;
  private int[] starts;
  /**
   * The original end of each normalized char; null while every end is its start + 1 (the table
   * path's case: one original char each), which then spares a store and 4 bytes per char.
   */
  private int[] ends;
  /** How many normalized chars were emitted. */
  int len;
  private boolean pendingSpace;
  private int spaceStart;
  private int spaceEnd;

  private final boolean offsets;
  /** Whether teh marbuta folds to heh (rule 4's option). */
  private final boolean teh;
  /** Token mode: chars are not stored but fed to the {@link TokenRule} (as {@link Tokenizer}). */
  final boolean tokens;
  long[] tokenHashes;
  int tokenCount;
  private boolean inToken;
  private boolean needLow;
  private long h;
  // Token mode: the tokenizer state at the start of the current chunk (see foldTableChunksTokens).
  private int chunkCount;
  private boolean chunkIn;
  private long chunkH;

  /**
   * A builder of the view of {@code original}: with {@code offsets} (a {@link NormalizedText}),
   * without them (the normalized chars only), or in {@code tokens} mode (token hashes only).
   */
  ViewBuilder(CharSequence original, boolean offsets, boolean tokens, boolean teh) {
    this.original = original;
    this.offsets = offsets;
    this.tokens = tokens;
    this.teh = teh;
    int cap = Math.max(16, original.length());
    if (tokens) {
      tokenHashes = new long[Math.max(4, (cap >> 2) + 4)];
      return;
    }
    out = new char[cap];
    if (offsets) {
      starts = new int[cap];
    }
  }

  /**
   * Folds the chunk that starts at {@code from} (its end as {@link TextNormalizer#chunkEnd}
   * defines it) through the table, in one pass; returns the chunk end, or -1, with this builder unchanged,
   * when the chunk holds a {@link FoldTable#SLOW} char.
   */
  int foldTableChunk(char[] table, char[] src, int from, int n, boolean teh) {
    int len0 = len;
    int tokenCount0 = tokenCount;
    boolean inToken0 = inToken;
    boolean needLow0 = needLow;
    long h0 = h;
    boolean pending0 = pendingSpace;
    int spaceStart0 = spaceStart;
    int spaceEnd0 = spaceEnd;
    int hard = (int) Math.min(n, (long) from + 2 * TextNormalizer.CHUNK);
    for (int i = from; i < hard; i++) {
      char c = src[i];
      char f = table[c];
      if (f >= FoldTable.EXPAND) {
        if (f == FoldTable.SEPARATOR) {
          separator(i, i + 1);
        } else if (f == FoldTable.EXPAND) {
          String x = FoldTable.EXPANSIONS[c];
          for (int j = 0; j < x.length(); j++) {
            fold(x.charAt(j), i, i + 1);
          }
        } else {
          len = len0;
          tokenCount = tokenCount0;
          inToken = inToken0;
          needLow = needLow0;
          h = h0;
          pendingSpace = pending0;
          spaceStart = spaceStart0;
          spaceEnd = spaceEnd0;
          return -1;
        }
      } else if (f != FoldTable.DROP) {
        char g = teh && f == FoldRules.TEH_MARBUTA ? FoldRules.HEH : f;
        int l = len;
        // Stored here directly while no end offset is kept: each char of the table path comes
        // from one original char. Asked per char, since a space spanning several separators
        // earlier in the chunk makes put() keep every end from then on.
        if (!tokens && ends == null && !pendingSpace && l < out.length) {
          // the common case, put() without its tests: a char of one original char, room left
          out[l] = g;
          if (offsets) {
            starts[l] = i;
          }
          len = l + 1;
        } else {
          tokenChar(g, i, i + 1);
        }
      }
      if (c == '\n' || (c == ' ' && i - from >= TextNormalizer.CHUNK)) {
        return i + 1;
      }
    }
    return hard; // a high surrogate at hard - 1 is SLOW, so no pair is split here
  }

  /**
   * {@link #foldTableChunk} in token mode over consecutive chunks (as {@link
   * TextNormalizer#chunkEnd} cuts them) from {@code from}, with the tokenizer state in locals: the hot loop of signatures.
   * Returns {@code n} when every chunk went through the table; else {@code -1 - s}, where
   * {@code s} is the start of the first chunk holding a {@link FoldTable#SLOW} char, with this
   * builder holding exactly the state after the chunks before it. {@code table} is {@link
   * FoldTable#TABLE}, or {@link FoldTable#tehTable()} when teh marbuta is folded.
   *
   * <p>Chars that fold to a letter or digit below U+0E00 (no script there is written without
   * spaces) take a tight inner loop that only extends the current token's FNV-1a hash; every
   * other class (separator, dropped, expansion, unspaced script, slow) is dispatched per char.
   * The chunk-end test runs on separators only: {@code '\n'} and {@code ' '} are separators.
   * Crossing a chunk end only records the state there (short lines, as in scraped navigation,
   * would otherwise pay a call per line).
   */
  int foldTableChunksTokens(char[] table, char[] src, int from, int n) {
    long[] hs = tokenHashes;
    int cnt = tokenCount;
    boolean in = inToken;
    long hh = h;
    // The state at the start of the current chunk, restored if the chunk holds a SLOW char. It
    // lives in fields, written only at chunk starts, to leave registers to the hot loop.
    chunkCount = cnt;
    chunkIn = in;
    chunkH = hh;
    int hard = (int) Math.min(n, (long) from + 2 * TextNormalizer.CHUNK);
    int i = from;
    scan:
    while (true) {
      if (i == hard) {
        if (i == n) {
          break;
        }
        // A chunk cut at 2 * CHUNK chars (no space or line feed in it): the next starts here.
        from = i;
        hard = (int) Math.min(n, (long) from + 2 * TextNormalizer.CHUNK);
        chunkCount = cnt;
        chunkIn = in;
        chunkH = hh;
      }
      char c = src[i];
      char f = table[c];
      if ((char) (f - 1) < TokenRule.SPACED_END - 1) { // f in [1, SPACED_END): extends a token
        if (!in) {
          in = true;
          hh = TokenRule.START;
        }
        while (true) {
          hh = TokenRule.step(hh, f);
          if (++i == hard) {
            continue scan;
          }
          c = src[i];
          f = table[c];
          if ((char) (f - 1) >= TokenRule.SPACED_END - 1) {
            break;
          }
        }
      }
      i++;
      if (f == FoldTable.SEPARATOR) {
        if (in) {
          in = false;
          hs = push(hs, cnt++, hh);
        }
        if (c == '\n' || (c == ' ' && i - 1 - from >= TextNormalizer.CHUNK)) {
          // A chunk end: the next chunk starts at i, outside any token.
          from = i;
          hard = (int) Math.min(n, (long) from + 2 * TextNormalizer.CHUNK);
          chunkCount = cnt;
          chunkIn = false;
          chunkH = hh;
        }
      } else if (f == FoldTable.DROP) {
        continue;
      } else if (f < FoldTable.EXPAND) {
        // A token char at or above SPACED_END: maybe a script written without spaces.
        if (TokenRule.isUnspacedScript(f)) {
          if (in) {
            in = false;
            hs = push(hs, cnt++, hh);
          }
          hs = push(hs, cnt++, TokenRule.step(TokenRule.START, f));
        } else {
          if (!in) {
            in = true;
            hh = TokenRule.START;
          }
          hh = TokenRule.step(hh, f);
        }
      } else if (f == FoldTable.EXPAND) {
        String x = FoldTable.EXPANSIONS[c];
        for (int j = 0; j < x.length(); j++) {
          char e = x.charAt(j);
          if (FoldRules.isDropped(e)) {
            continue;
          }
          int g = FoldRules.fold(e, teh);
          if (!FoldRules.isTokenChar(g)) {
            if (in) {
              in = false;
              hs = push(hs, cnt++, hh);
            }
          } else if (g > 0xFFFF || TokenRule.isUnspacedScript((char) g)) {
            return slow(hs, from); // rare: leave it to the general path
          } else {
            if (!in) {
              in = true;
              hh = TokenRule.START;
            }
            hh = TokenRule.step(hh, g);
          }
        }
      } else {
        return slow(hs, from); // SLOW: the current chunk is undone
      }
    }
    tokenHashes = hs;
    tokenCount = cnt;
    inToken = in;
    h = hh;
    return n;
  }

  /** Keeps the state at the start of the chunk at {@code from}; returns {@code -1 - from}. */
  private int slow(long[] hs, int from) {
    tokenHashes = hs;
    tokenCount = chunkCount;
    inToken = chunkIn;
    h = chunkH;
    return -1 - from;
  }

  private static long[] push(long[] hs, int index, long fnv) {
    if (index == hs.length) {
      hs = Arrays.copyOf(hs, index + (index >> 1) + 8);
    }
    hs[index] = TokenRule.finish(fnv);
    return hs;
  }

  void separator(int start, int end) {
    if (tokens) {
      // Token mode: a separator ends the current token at once (no space is materialized).
      if (inToken) {
        inToken = false;
        emit(h);
      }
      return;
    }
    if (!pendingSpace) {
      pendingSpace = true;
      spaceStart = start;
      spaceEnd = end;
    }
  }

  void tokenChar(char c, int start, int end) {
    if (pendingSpace) {
      pendingSpace = false;
      if (len > 0) {
        put(TokenRule.SEPARATOR, spaceStart, spaceEnd);
      }
    }
    put(c, start, end);
  }

  void fold(int cp, int start, int end) {
    if (FoldRules.isDropped(cp)) {
      return;
    }
    int f = FoldRules.fold(cp, teh);
    if (!FoldRules.isTokenChar(f)) {
      separator(start, end);
      return;
    }
    if (pendingSpace) {
      pendingSpace = false;
      if (len > 0) {
        put(TokenRule.SEPARATOR, spaceStart, spaceEnd);
      }
    }
    if (f < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      put((char) f, start, end);
    } else {
      put(Character.highSurrogate(f), start, end);
      put(Character.lowSurrogate(f), start, end);
    }
  }

  /** Feeds one normalized char to the tokenizer: {@link Tokenizer#tokenize} over a stream. */
  private void feed(char c) {
    if (needLow) {
      // An unspaced-script high surrogate takes the next char into its token.
      needLow = false;
      emit(TokenRule.step(h, c));
      return;
    }
    if (c == TokenRule.SEPARATOR) {
      if (inToken) {
        inToken = false;
        emit(h);
      }
      return;
    }
    if (TokenRule.isUnspacedScript(c)) {
      if (inToken) {
        inToken = false;
        emit(h);
      }
      long g = TokenRule.step(TokenRule.START, c);
      if (Character.isHighSurrogate(c)) {
        h = g;
        needLow = true;
      } else {
        emit(g);
      }
      return;
    }
    if (!inToken) {
      inToken = true;
      h = TokenRule.START;
    }
    h = TokenRule.step(h, c);
  }

  private void emit(long fnv) {
    if (tokenCount == tokenHashes.length) {
      tokenHashes = Arrays.copyOf(tokenHashes, tokenCount + (tokenCount >> 1) + 8);
    }
    tokenHashes[tokenCount++] = TokenRule.finish(fnv);
  }

  void finishTokens() {
    if (inToken || needLow) {
      inToken = false;
      needLow = false;
      emit(h);
    }
  }

  private void put(char c, int start, int end) {
    if (tokens) {
      len++;
      feed(c);
      return;
    }
    if (len == out.length) {
      int cap = out.length + (out.length >> 1) + 16;
      out = Arrays.copyOf(out, cap);
      if (offsets) {
        starts = Arrays.copyOf(starts, cap);
        if (ends != null) {
          ends = Arrays.copyOf(ends, cap);
        }
      }
    }
    out[len] = c;
    if (offsets) {
      starts[len] = start;
      if (ends != null) {
        ends[len] = end;
      } else if (end != start + 1) {
        // the first char from more than one original char: every end kept from now on
        ends = new int[out.length];
        for (int k = 0; k < len; k++) {
          ends[k] = starts[k] + 1;
        }
        ends[len] = end;
      }
    }
    len++;
  }

  NormalizedText build() {
    return new NormalizedText(original, out, len, starts, ends);
  }
}
