package io.github.syndic.dup;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.hash.Hash64;
import io.github.syndic.shingle.Shingler;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import io.github.syndic.text.Tokenizer;
import io.github.syndic.text.Tokens;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds blocks of one document that repeat other blocks of it: exact, near, contained and
 * concatenated copies, and chooses the copy that stays with the configured {@link KeepPolicy}.
 *
 * <h2>How</h2>
 *
 * <ol>
 *   <li>Every eligible block is normalized ({@link TextNormalizer#defaults()}) and summarized by
 *       the sorted set of its character {@value #CHAR_SHINGLE}-gram hashes, its word {@value
 *       #WORD_SHINGLE}-gram hashes and the hashes of its number tokens.
 *   <li><b>Exact duplicates</b>: blocks with the same normalized text (equal 64-bit hash and
 *       length; a false match needs a 64-bit collision) form a group and share one summary; the
 *       policy picks one representative, the others are removed with score 1. Only representatives
 *       take part in the next steps.
 *   <li><b>Candidates</b>: an inverted index from shingle hash to the blocks holding it (in block
 *       order, at most {@link #POSTING_CAP} blocks per shingle; blocks under
 *       {@link #MIN_SIMILAR_SHINGLES} shingles are listed apart and looked up only by larger
 *       blocks, since two such blocks never make a pair) counts shared shingles with earlier
 *       blocks; documents of more than {@link #FULL_INDEX_MAX_SHINGLES} shingles index only a
 *       consistent sample (hash low {@link #SAMPLE_BITS} bits 0). At most {@link #MAX_VERIFIED}
 *       candidates per block, best estimated containment first, are verified exactly by merging
 *       the sorted shingle sets. Cost: linear in the document's size times the caps, never all
 *       pairs. (MinHash/LSH would find Jaccard-similar pairs only; a teaser in its lead or a
 *       paragraph in a blob has a low Jaccard but a high containment, which this index finds.)
 *   <li><b>Concatenations</b>: a block of at least {@link #CONCAT_MIN_SHINGLES} shingles is
 *       aligned with shorter blocks ("pieces"): each piece takes the window of the block, of the
 *       piece's own length, holding most of its shingles, and counts when that window holds
 *       {@link #PIECE_MIN_CONTAINMENT} of them and mostly positions not covered yet. The block is
 *       removed when at least two pieces cover {@link #CONCAT_MIN_COVERAGE} of its shingle
 *       positions, no single piece covers {@link #CONTAINED_MIN_COVERAGE}, and no run of more than
 *       {@link #MAX_UNCOVERED_RUN} consecutive positions is uncovered (gluing loses only the
 *       shingles spanning each junction; a blob that carries a sentence found nowhere else is
 *       kept). Longer blobs are decided first; the pieces are kept (separate paragraphs beat the
 *       blob) and may not be removed afterwards.
 *   <li><b>Contained</b>: the smaller block's shingle sequence aligns in order inside the larger
 *       ({@link #CONTAINED_MIN_COVERAGE} matched, gaps of at most {@link #MAX_UNCOVERED_RUN}, span
 *       at most {@link #CONTAINED_MAX_SPAN} times its length) and it is either marked as truncated
 *       or at least {@link #CONTAINED_MIN_SHARE} of the larger. When it is cut short (an ellipsis,
 *       or the larger continues after it) the copies' completeness differs, so the standard policy
 *       keeps the complete one; when the larger only adds a leading label, both count as complete
 *       and the first wins (the larger then goes only if it is also a near duplicate).
 *   <li><b>Near duplicates</b>: char shingle Jaccard at least {@link #nearThreshold(int)} (which
 *       rises for short blocks) and word shingle Jaccard at least {@link #NEAR_MIN_WORD_JACCARD}.
 *   <li>For contained and near pairs, both blocks need {@link #MIN_SIMILAR_SHINGLES} shingles and
 *       compatible numbers (the digit-bearing tokens of one block all occur in the other: '3-1'
 *       and '0-2' are different facts). The keep policy orients each pair (loser → winner); a block
 *       is removed when one of its winners is kept (winners decided first, cycles broken by block
 *       order), so every twin stays kept; exact copies of a removed representative follow it to
 *       its twin.
 * </ol>
 *
 * <p>Immutable and thread-safe: {@link #detect} keeps all its state on the stack.
 */
public final class DuplicateDetector {
  /**
   * Character n-gram size for all similarity measures: 5, the size the measurements use
   * (seed 000's reworded pair 0.63, seed 001's title vs related headline 0.47); char n-grams see
   * through words fused by a scraper ('الاجتماعسيتم').
   */
  public static final int CHAR_SHINGLE = 5;

  /** Word n-gram size of the word-order check of near duplicates: 3, as in the figures. */
  public static final int WORD_SHINGLE = 3;

  /**
   * Shortest normalized text (chars) for an exact duplicate: 8. Shorter lines ('Photo', 'Yes.',
   * 'Q:') repeat legitimately in interviews, tables and picture galleries; they are left to the
   * boilerplate stage.
   */
  public static final int MIN_EXACT_CHARS = 8;

  /** Fewest tokens of an exact duplicate: 2, for the same reason as {@link #MIN_EXACT_CHARS}. */
  public static final int MIN_EXACT_TOKENS = 2;

  /**
   * Fewest char shingles of either block of a near or contained pair: 30 (a text of about 34
   * chars, five to seven words). On fewer, one changed word is a different statement (two poem
   * lines that differ in their last word, an opening and a closing greeting) although the Jaccard
   * stays near 0.7, and the Jaccard's standard error exceeds 0.09; such short blocks only count as
   * exact repeats.
   */
  public static final int MIN_SIMILAR_SHINGLES = 30;

  /**
   * Base Jaccard of a near duplicate: 0.5. Seed 000's reworded paragraph scores 0.63 on 201
   * shingles, seed 001's title vs a related headline 0.47 on 63: the boundary lies between.
   */
  public static final double NEAR_BASE_JACCARD = 0.5;

  /**
   * Standard errors added to {@link #NEAR_BASE_JACCARD} for short blocks: the threshold for a pair
   * whose smaller set has n shingles is {@code 0.5 + 2 * sqrt(0.25 / n)}, i.e. 0.57 at 200
   * shingles, 0.63 at 63, 0.72 at 20: a short pair must be clearly above the base, since two
   * headlines of the same story share names and phrases by chance.
   */
  public static final double NEAR_Z = 2.0;

  /**
   * Lowest word 3-gram Jaccard of a near duplicate: 0.25. Reworded copies keep phrases (seed 000:
   * 0.37), blocks that merely share vocabulary do not (seed 001's title vs related headline 0.20).
   */
  public static final double NEAR_MIN_WORD_JACCARD = 0.25;

  /**
   * Least share of the smaller block's char shingles found in the larger for "contained": 0.9.
   * A truncated teaser scores 1.0 (seed 001 line 3 in line 5); a title whose words recur in a body
   * paragraph scores 0.6-0.75 (seed 001, line 1 vs lines 5 and 11) because the 5-grams spanning
   * word boundaries differ.
   */
  public static final double CONTAINED_MIN_COVERAGE = 0.9;

  /**
   * Least size of a contained block relative to its container (shingle counts), unless it ends
   * with a truncation mark ('...', '…'): 0.5. A short block quoted inside a much longer one (a
   * title repeated by the first sentence of the lead) is a different unit and stays; a teaser cut
   * at half the lead or later is a copy.
   */
  public static final double CONTAINED_MIN_SHARE = 0.5;

  /**
   * Longest run of consecutive uncovered char shingles that a contained or concatenated block may
   * have: 8. A junction between glued paragraphs leaves at most {@code CHAR_SHINGLE} uncovered
   * shingles, one changed char (a spelling variant the normalizer does not fold) {@code
   * CHAR_SHINGLE}, two close ones up to 8; a longer run is a changed or added word, content that
   * removal would lose (such copies can still be near duplicates).
   */
  public static final int MAX_UNCOVERED_RUN = 8;

  /**
   * Longest stretch of the larger block, relative to the smaller's length, over which a contained
   * block's shingles may align: 1.2. A teaser or a quoted line sits in one place of its container
   * (span = its own length, plus a few inserted chars); a sentence whose phrases recur scattered
   * over a longer one (same formula, other officials) spans much more.
   */
  public static final double CONTAINED_MAX_SPAN = 1.2;

  /**
   * Fewest char shingles of a concatenation: 60 (about 64 chars), enough for two short pieces.
   */
  public static final int CONCAT_MIN_SHINGLES = 60;

  /**
   * Least share of a piece's shingles that lie inside the blob: 0.8, so that a piece is a whole
   * paragraph glued into the blob (junction shingles and small edits allowed), not a block that
   * shares a phrase with it.
   */
  public static final double PIECE_MIN_CONTAINMENT = 0.8;

  /**
   * Least share of a piece's matched blob positions not yet covered by larger pieces for it to
   * join the cover: 0.5. Glued paragraphs occupy disjoint stretches of the blob; a block that
   * repeats a stretch already covered adds nothing.
   */
  public static final double PIECE_MIN_FRESH = 0.5;

  /**
   * Least share of a blob's shingles covered by the union of its pieces: 0.9 (seed 001's blob:
   * 0.99; the rest are junction shingles).
   */
  public static final double CONCAT_MIN_COVERAGE = 0.9;

  /**
   * Documents with more char shingles than this index a 1/{@code 2^SAMPLE_BITS} consistent sample
   * of them for candidate search: 200,000 (about 200 KB of text; news articles are 2-30 KB and are
   * indexed fully).
   */
  public static final int FULL_INDEX_MAX_SHINGLES = 200_000;

  /**
   * Sampling of large documents: shingles whose hash has its {@code SAMPLE_BITS} low bits 0 are
   * indexed: 2, i.e. one in four; a 200-shingle paragraph keeps about 50 (enough to find pairs
   * whose exact similarity is then verified) and the index stays a fraction of the input.
   */
  public static final int SAMPLE_BITS = 2;

  /**
   * Most blocks listed per indexed shingle: 64 (the first in block order). Very frequent shingles
   * (function words) would otherwise make candidate search quadratic; later copies still meet the
   * first copies, which the default policy keeps.
   */
  public static final int POSTING_CAP = 64;

  /** Most candidates verified exactly per block (best shared counts first): 64. */
  public static final int MAX_VERIFIED = 64;

  /**
   * Least estimated containment (shared indexed shingles / indexed shingles of the smaller block)
   * for a candidate to be verified: 0.4, below every threshold above with room for sampling noise.
   */
  public static final double PREFILTER_CONTAINMENT = 0.4;

  private static final TextNormalizer NORMALIZER = TextNormalizer.defaults();

  private final DuplicateConfig config;

  private DuplicateDetector(DuplicateConfig config) {
    this.config = config;
  }

  /** A detector with the given settings. */
  public static DuplicateDetector create(DuplicateConfig config) {
    if (config == null) {
      throw new NullPointerException("config");
    }
    return new DuplicateDetector(config);
  }

  /** A detector with {@link DuplicateConfig#defaults()}. */
  public static DuplicateDetector defaults() {
    return create(DuplicateConfig.defaults());
  }

  /** The settings. */
  public DuplicateConfig config() {
    return config;
  }

  /**
   * Near-duplicate Jaccard threshold for a pair whose smaller char shingle set has {@code n}
   * elements: {@code NEAR_BASE_JACCARD + NEAR_Z * sqrt(NEAR_BASE_JACCARD * (1 - NEAR_BASE_JACCARD)
   * / n)}.
   */
  public static double nearThreshold(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("shingle count must be >= 1, got " + n);
    }
    double b = NEAR_BASE_JACCARD;
    return b + NEAR_Z * Math.sqrt(b * (1 - b) / n);
  }

  /**
   * Finds the duplicate blocks among those with {@code eligible[i]} true for {@code
   * blocks.get(i)}. Every removal's twin (and covering blocks) is an eligible block that is not
   * itself removed. The result depends only on the blocks' texts and order.
   *
   * @param blocks the document's blocks in order, or an in-order subset of them (their {@link
   *     Block#index()} strictly increasing)
   * @param eligible one flag per block; ineligible blocks are neither removed nor used as twins
   * @return removals of duplicate kinds, in block order
   * @throws IllegalArgumentException if the sizes differ or the blocks are out of order
   */
  public List<Removal> detect(List<Block> blocks, boolean[] eligible) {
    return detect(blocks, eligible, null);
  }

  /**
   * {@link #detect(List, boolean[])} that reuses, through {@code memo}, the per-block features
   * (normalized length and hash, shingle sets) an earlier call on the same document computed: a
   * cleaner that looks again at the blocks still kept does not redo them. The result is the same
   * as without a memo.
   *
   * @param memo from {@link #newMemo()}, used for one document only; or null
   */
  public List<Removal> detect(List<Block> blocks, boolean[] eligible, Memo memo) {
    if (blocks == null) {
      throw new NullPointerException("blocks");
    }
    if (eligible == null) {
      throw new NullPointerException("eligible");
    }
    if (eligible.length != blocks.size()) {
      throw new IllegalArgumentException(
          "eligible has " + eligible.length + " flags for " + blocks.size() + " blocks");
    }
    for (int i = 1; i < blocks.size(); i++) {
      if (blocks.get(i).index() <= blocks.get(i - 1).index()) {
        throw new IllegalArgumentException(
            "block at position " + i + " has index " + blocks.get(i).index()
                + ", not above the previous block's " + blocks.get(i - 1).index());
      }
    }
    return new Run(blocks, eligible, config.keepPolicy(), memo).run();
  }

  /**
   * Per-block features of one document that {@link #detect(List, boolean[], Memo)} calls on it
   * share. The features depend on a block's text only (not on the detector's settings), so any
   * detector may use the memo. Not thread-safe: one document, one thread.
   */
  public static final class Memo {
    /** By {@link Block#index()}; an entry is used only for the very same Block object. */
    private Block[] blocks = new Block[0];

    private Feat[] feats = new Feat[0];
    private boolean[] truncated = new boolean[0];

    private Memo() {}

    private Feat get(Block b) {
      int i = b.index();
      return i < blocks.length && blocks[i] == b ? feats[i] : null;
    }

    private void put(Block b, Feat f, boolean cut) {
      int i = b.index();
      if (i >= blocks.length) {
        int cap = Math.max(i + 1, blocks.length * 2);
        blocks = Arrays.copyOf(blocks, cap);
        feats = Arrays.copyOf(feats, cap);
        truncated = Arrays.copyOf(truncated, cap);
      }
      blocks[i] = b;
      feats[i] = f;
      truncated[i] = cut;
    }
  }

  /** A memo for {@link #detect(List, boolean[], Memo)} calls on one document. */
  public static Memo newMemo() {
    return new Memo();
  }

  /** Summary of one eligible block. */
  /** The empty hash array, shared (never written). */
  private static final long[] NO_HASHES = new long[0];

  private static final class Feat {
    int normLength;
    long textHash; // Hash64.hashChars of the normalized text
    int tokens;
    long[] c5; // sorted distinct char shingle hashes
    long[] w3; // sorted distinct word shingle hashes
    long[] nums; // sorted distinct hashes of tokens holding a digit
  }

  /** One detection over one document; not shared between threads. */
  private static final class Run {
    private final List<Block> blocks;
    private final boolean[] eligible;
    private final KeepPolicy policy;
    private final Memo memo;
    private final int n;
    private final Feat[] feat;
    private final Removal[] removal;
    private final boolean[] pinned;
    private final boolean[] truncated;
    private final int[] rep; // exact-duplicate representative of each eligible block (itself if none)
    private final int[] indexed; // number of indexed (sampled) shingles of each representative
    // verified pairs: a < b, inter = shared char shingles
    private long[] scratch = new long[1024]; // reused char shingle buffer of features()
    private final IntArrayList pairA;
    private final IntArrayList pairB;
    private final IntArrayList pairInter;

    Run(List<Block> blocks, boolean[] eligible, KeepPolicy policy, Memo memo) {
      this.blocks = blocks;
      this.eligible = eligible;
      this.policy = policy;
      this.memo = memo;
      this.n = blocks.size();
      this.feat = new Feat[n];
      this.removal = new Removal[n];
      this.pinned = new boolean[n];
      this.truncated = new boolean[n];
      this.pairA = new IntArrayList(n);
      this.pairB = new IntArrayList(n);
      this.pairInter = new IntArrayList(n);
      this.rep = new int[n];
      this.indexed = new int[n];
    }

    List<Removal> run() {
      long total = 0;
      Long2IntOpenHashMap firstOfText = new Long2IntOpenHashMap();
      firstOfText.defaultReturnValue(-1);
      int[] nextInGroup = new int[n];
      int[] lastInGroup = new int[n];
      Arrays.fill(nextInGroup, -1);
      IntArrayList heads = new IntArrayList();
      for (int i = 0; i < n; i++) {
        rep[i] = i;
        if (!eligible[i]) {
          continue;
        }
        Block b = blocks.get(i);
        Feat known = memo == null ? null : memo.get(b);
        NormalizedText nt = null;
        int len;
        long h;
        if (known != null) {
          truncated[i] = memo.truncated[b.index()];
          len = known.normLength;
          h = known.textHash;
        } else {
          truncated[i] = endsTruncated(b.text());
          nt = NORMALIZER.normalize(b.text());
          len = nt.length();
          h = Hash64.hashChars(nt.chars(), 0, len);
        }
        // Same normalized text (64-bit hash and length equal) as an earlier block: the same
        // features, shared, so that a document of many repeated short lines (separators, one-word
        // labels) keeps one object per distinct text alive, not one per line.
        int g = firstOfText.putIfAbsent(h, i);
        boolean same = g >= 0 && feat[g].normLength == len;
        if (same) {
          feat[i] = feat[g];
        } else if (known != null) {
          feat[i] = known;
        } else {
          feat[i] = features(nt);
          feat[i].textHash = h;
        }
        if (memo != null && known == null) {
          memo.put(b, feat[i], truncated[i]);
        }
        if (len >= MIN_EXACT_CHARS) {
          if (same && feat[g].tokens >= MIN_EXACT_TOKENS) {
            // an exact duplicate: grouped with the earlier copies
            nextInGroup[lastInGroup[g]] = i;
            lastInGroup[g] = i;
            continue;
          }
          if (g < 0) {
            heads.add(i);
            lastInGroup[i] = i;
          }
        }
        total += feat[i].c5.length;
      }
      exactDuplicates(heads, nextInGroup);
      int sampleMask = total > FULL_INDEX_MAX_SHINGLES ? (1 << SAMPLE_BITS) - 1 : 0;
      candidates(sampleMask, total);
      concatenations();
      pairs();
      repointExactCopies();
      List<Removal> out = new ArrayList<>();
      for (Removal r : removal) {
        if (r != null) {
          out.add(r);
        }
      }
      return out;
    }

    // ---------------------------------------------------------------- features

    private Feat features(NormalizedText nt) {
      Feat f = new Feat();
      int len = nt.length();
      char[] c = nt.chars();
      f.normLength = len;
      int cap = Math.max(1, len - CHAR_SHINGLE + 1);
      if (scratch.length < cap) {
        scratch = new long[Math.max(cap, scratch.length * 2)];
      }
      int sc = Shingler.charShingles(c, 0, len, CHAR_SHINGLE, scratch);
      f.c5 = distinctCopy(scratch, sc);
      Tokens t = Tokenizer.tokenize(nt);
      int m = t.size();
      f.tokens = m;
      if (m > 0) {
        long[] th = new long[m];
        t.copyHashes(th);
        long[] w = new long[Math.max(1, m - WORD_SHINGLE + 1)];
        int wl = Shingler.wordShingles(th, 0, m, WORD_SHINGLE, w);
        f.w3 = sortedDistinct(wl == w.length ? w : Arrays.copyOf(w, wl));
      } else {
        f.w3 = NO_HASHES;
      }
      long[] nums = null;
      int nn = 0;
      for (int i = 0; i < m; i++) {
        for (int j = t.start(i); j < t.end(i); j++) {
          if (c[j] >= '0' && c[j] <= '9') {
            if (nums == null) {
              nums = new long[m - i];
            }
            nums[nn++] = t.hash(i);
            break;
          }
        }
      }
      f.nums = nn == 0 ? NO_HASHES : sortedDistinct(nn == nums.length ? nums : Arrays.copyOf(nums, nn));
      return f;
    }

    // ---------------------------------------------------------------- exact

    private void exactDuplicates(IntArrayList heads, int[] nextInGroup) {
      for (int k = 0; k < heads.size(); k++) {
        int h = heads.getInt(k);
        if (nextInGroup[h] < 0) {
          continue;
        }
        int winner = h;
        for (int j = nextInGroup[h]; j >= 0; j = nextInGroup[j]) {
          if (policy.compare(blocks.get(j), 1.0, blocks.get(winner), 1.0) < 0) {
            winner = j;
          }
        }
        for (int j = h; j >= 0; j = nextInGroup[j]) {
          rep[j] = winner;
          if (j != winner) {
            Block w = blocks.get(winner);
            removal[j] =
                new Removal(
                    blocks.get(j),
                    RemovalKind.EXACT_DUPLICATE,
                    1.0,
                    w,
                    List.of(),
                    "same normalized text as " + where(w) + policyNote(j, 1.0, winner, 1.0));
          }
        }
      }
    }

    private boolean isRep(int i) {
      return feat[i] != null && rep[i] == i;
    }

    // ---------------------------------------------------------------- candidates

    private void candidates(int sampleMask, long totalShingles) {
      int expected = (int) Math.min(Integer.MAX_VALUE - 16, totalShingles >> Long.bitCount(sampleMask));
      // Blocks below MIN_SIMILAR_SHINGLES ("small") only make useful pairs with larger blocks
      // (verify skips small-small pairs), so they get postings of their own that only larger
      // blocks read: a document of many tiny lines stays linear instead of walking a capped
      // posting of POSTING_CAP tiny blocks per line.
      Postings large = new Postings(expected);
      Postings small = new Postings(16);
      int[] count = new int[n];
      IntArrayList touched = new IntArrayList();
      for (int a = 0; a < n; a++) {
        if (!isRep(a)) {
          continue;
        }
        Feat fa = feat[a];
        boolean isLarge = fa.c5.length >= MIN_SIMILAR_SHINGLES;
        int indexed = 0;
        // The blocks before a are counted and a is listed in one pass: c5 is distinct, so a
        // never meets itself, and a large block reads and extends its posting with one look-up.
        boolean readSmall = isLarge && !small.posting.isEmpty();
        for (long h : fa.c5) {
          if ((h & sampleMask) != 0) {
            continue;
          }
          indexed++;
          if (isLarge) {
            large.countAndAdd(h, a, count, touched);
          } else {
            large.count(h, count, touched);
            small.add(h, a);
          }
          if (readSmall) {
            small.count(h, count, touched);
          }
        }
        this.indexed[a] = indexed;
        verify(a, count, touched);
      }
    }

    /** Shingle → chain of blocks (in block order, at most {@link #POSTING_CAP}). */
    private static final class Postings {
      final Long2IntOpenHashMap posting;
      final IntArrayList postFirst;
      final IntArrayList postLast;
      final IntArrayList postSize;
      final IntArrayList entryBlock;
      final IntArrayList entryNext;

      Postings(int expected) {
        posting = new Long2IntOpenHashMap(Math.max(16, expected / 2));
        posting.defaultReturnValue(-1);
        postFirst = new IntArrayList(expected / 2);
        postLast = new IntArrayList(expected / 2);
        postSize = new IntArrayList(expected / 2);
        entryBlock = new IntArrayList(expected);
        entryNext = new IntArrayList(expected);
      }

      /** Adds one to {@code count[b]} for every block b listed under {@code h}. */
      void count(long h, int[] count, IntArrayList touched) {
        countPosting(posting.get(h), count, touched);
      }

      /** Adds one to {@code count[b]} for every block b of posting {@code p} (none when p < 0). */
      private void countPosting(int p, int[] count, IntArrayList touched) {
        if (p < 0) {
          return;
        }
        for (int e = postFirst.getInt(p); e >= 0; e = entryNext.getInt(e)) {
          int b = entryBlock.getInt(e);
          if (count[b]++ == 0) {
            touched.add(b);
          }
        }
      }

      /** Lists block {@code a} under {@code h} (unless the posting holds {@link #POSTING_CAP}). */
      void add(long h, int a) {
        append(posting.putIfAbsent(h, postFirst.size()), a);
      }

      /** {@link #count} then {@link #add}, with one look-up of {@code h}. */
      void countAndAdd(long h, int a, int[] count, IntArrayList touched) {
        int p = posting.putIfAbsent(h, postFirst.size());
        countPosting(p, count, touched);
        append(p, a);
      }

      /** Appends {@code a} to posting {@code p}, or starts the posting just keyed when p < 0. */
      private void append(int p, int a) {
        int e = entryBlock.size();
        if (p < 0) {
          postFirst.add(e);
          postLast.add(e);
          postSize.add(1);
        } else {
          int sz = postSize.getInt(p);
          if (sz >= POSTING_CAP) {
            return;
          }
          postSize.set(p, sz + 1);
          entryNext.set(postLast.getInt(p), e);
          postLast.set(p, e);
        }
        entryBlock.add(a);
        entryNext.add(-1);
      }
    }

    private void verify(int a, int[] count, IntArrayList touched) {
      Feat fa = feat[a];
      int m = touched.size();
      if (m == 0) {
        return;
      }
      long[] keys = new long[m];
      int kept = 0;
      for (int i = 0; i < m; i++) {
        int b = touched.getInt(i);
        int s = count[b];
        count[b] = 0;
        if (Math.max(fa.c5.length, feat[b].c5.length) < MIN_SIMILAR_SHINGLES) {
          // Useless pair: near and contained pairs need both blocks this large, a concatenation
          // needs the blob larger still (CONCAT_MIN_SHINGLES). Skipping it keeps documents of
          // many tiny lines (menus, one-character lines) linear.
          continue;
        }
        int minIndexed = Math.max(1, Math.min(indexed[a], indexed[b]));
        double est = Math.min(1.0, s / (double) minIndexed);
        if (est < PREFILTER_CONTAINMENT) {
          continue;
        }
        // higher estimated containment of the smaller first (in 1/1024 steps), then more shared
        // shingles, then the earlier block
        long rank = ((long) (1024 - (int) (est * 1024)) << 21) | (0x1FFFFF - Math.min(s, 0x1FFFFF));
        keys[kept++] = (rank << 31) | b;
      }
      touched.clear();
      Arrays.sort(keys, 0, kept);
      int limit = Math.min(kept, MAX_VERIFIED);
      for (int i = 0; i < limit; i++) {
        int b = (int) (keys[i] & 0x7FFFFFFFL);
        Feat fb = feat[b];
        int inter = intersect(fa.c5, fb.c5);
        int small = Math.min(fa.c5.length, fb.c5.length);
        if (inter * 2 >= small && small > 0) {
          pairA.add(Math.min(a, b));
          pairB.add(Math.max(a, b));
          pairInter.add(inter);
        }
      }
    }

    // ---------------------------------------------------------------- concatenations

    private void concatenations() {
      int pc = pairA.size();
      // pieces of each potential blob: pairs where the other block is smaller and lies inside it
      int[] pieceCount = new int[n];
      // a block sharing CONTAINED_MIN_COVERAGE of its shingles with one other block is a near or
      // contained copy, never a concatenation: skip it here
      boolean[] single = new boolean[n];
      for (int p = 0; p < pc; p++) {
        int a = pairA.getInt(p);
        int b = pairB.getInt(p);
        int in = pairInter.getInt(p);
        if (isPieceOf(a, b, in)) {
          pieceCount[b]++;
        }
        if (isPieceOf(b, a, in)) {
          pieceCount[a]++;
        }
        single[a] |= in >= CONTAINED_MIN_COVERAGE * feat[a].c5.length;
        single[b] |= in >= CONTAINED_MIN_COVERAGE * feat[b].c5.length;
      }
      int[] start = new int[n + 1];
      for (int i = 0; i < n; i++) {
        start[i + 1] = start[i] + pieceCount[i];
      }
      int[] fill = Arrays.copyOf(start, n);
      int[] pieces = new int[start[n]];
      for (int p = 0; p < pc; p++) {
        int a = pairA.getInt(p);
        int b = pairB.getInt(p);
        int in = pairInter.getInt(p);
        if (isPieceOf(a, b, in)) {
          pieces[fill[b]++] = a;
        }
        if (isPieceOf(b, a, in)) {
          pieces[fill[a]++] = b;
        }
      }
      IntArrayList order = new IntArrayList();
      for (int i = 0; i < n; i++) {
        if (isRep(i) && pieceCount[i] >= 2 && !single[i]
            && feat[i].c5.length >= CONCAT_MIN_SHINGLES) {
          order.add(i);
        }
      }
      long[] keys = new long[order.size()];
      for (int k = 0; k < keys.length; k++) {
        int i = order.getInt(k);
        keys[k] = ((long) (Integer.MAX_VALUE - feat[i].c5.length) << 32) | i;
      }
      Arrays.sort(keys);
      for (long key : keys) {
        int x = (int) key;
        int[] ps = Arrays.copyOfRange(pieces, start[x], start[x + 1]);
        Arrays.sort(ps);
        tryConcatenation(x, ps);
      }
    }

    private boolean isPieceOf(int piece, int blob, int inter) {
      Feat fp = feat[piece];
      Feat fb = feat[blob];
      return fp.c5.length < fb.c5.length && inter >= PIECE_MIN_CONTAINMENT * fp.c5.length;
    }

    private void tryConcatenation(int x, int[] candidates) {
      if (pinned[x] || removal[x] != null) {
        return;
      }
      long[] seq = sequence(blocks.get(x));
      int len = seq.length;
      // positions of each shingle of the blob, ascending
      Long2IntOpenHashMap firstPos = new Long2IntOpenHashMap(len);
      firstPos.defaultReturnValue(-1);
      int[] nextPos = new int[len];
      for (int i = len - 1; i >= 0; i--) {
        nextPos[i] = firstPos.put(seq[i], i);
      }
      boolean[] covered = new boolean[len];
      // larger pieces first; each piece is aligned to the window of the blob (of the piece's own
      // length) holding most of its shingles, and joins the cover when that window holds at least
      // PIECE_MIN_CONTAINMENT of its shingles, half of them not covered yet (a title whose words
      // recur scattered over several glued paragraphs is no piece)
      long[] order = new long[candidates.length];
      int m = 0;
      for (int p : candidates) {
        if (removal[p] == null) {
          order[m++] = ((long) (Integer.MAX_VALUE - feat[p].c5.length) << 32) | p;
        }
      }
      Arrays.sort(order, 0, m);
      IntArrayList used = new IntArrayList();
      IntArrayList hits = new IntArrayList();
      int best = 0;
      for (int k = 0; k < m; k++) {
        int p = (int) order[k];
        long[] ps = feat[p].c5;
        hits.clear();
        for (long h : ps) {
          for (int q = firstPos.get(h); q >= 0; q = nextPos[q]) {
            hits.add(q);
          }
        }
        if (hits.size() < PIECE_MIN_CONTAINMENT * ps.length) {
          continue;
        }
        int[] pos = hits.toIntArray();
        Arrays.sort(pos);
        int w = Math.min(len, Math.max(1, feat[p].normLength - CHAR_SHINGLE + 1));
        int bestCount = 0;
        int bestStart = 0;
        for (int i = 0, j = 0; j < pos.length; j++) {
          while (pos[j] - pos[i] >= w) {
            i++;
          }
          int c = j - i + 1;
          if (c > bestCount) {
            bestCount = c;
            bestStart = Math.max(0, Math.min(pos[i], len - w));
          }
        }
        best = Math.max(best, bestCount);
        if (bestCount < PIECE_MIN_CONTAINMENT * ps.length) {
          continue;
        }
        int fresh = 0;
        for (int q : pos) {
          if (q >= bestStart && q < bestStart + w && !covered[q]) {
            fresh++;
          }
        }
        if (fresh < PIECE_MIN_FRESH * bestCount) {
          continue;
        }
        used.add(p);
        for (int q : pos) {
          if (q >= bestStart && q < bestStart + w) {
            covered[q] = true;
          }
        }
      }
      used.sort(null);
      if (used.size() < 2 || best >= CONTAINED_MIN_COVERAGE * len) {
        return;
      }
      int cov = 0;
      int run = 0;
      int maxRun = 0;
      for (boolean c : covered) {
        if (c) {
          cov++;
          run = 0;
        } else {
          maxRun = Math.max(maxRun, ++run);
        }
      }
      double coverage = cov / (double) len;
      if (coverage < CONCAT_MIN_COVERAGE || maxRun > MAX_UNCOVERED_RUN) {
        return;
      }
      run = maxRun;
      long[] xs = seq;
      List<Block> covering = new ArrayList<>();
      for (int p : used) {
        covering.add(blocks.get(p));
        pinned[p] = true;
      }
      Block twin = covering.get(0);
      StringBuilder lines = new StringBuilder();
      for (int k = 0; k < covering.size() && k < 12; k++) {
        lines.append(k == 0 ? "" : ", ").append(covering.get(k).line());
      }
      if (covering.size() > 12) {
        lines.append(", ...");
      }
      removal[x] =
          new Removal(
              blocks.get(x),
              RemovalKind.CONCATENATION,
              coverage,
              twin,
              covering,
              String.format(
                  Locale.ROOT,
                  "glues %d kept blocks, from %s (lines %s), that together cover %.3f of the %d char"
                      + " %d-gram positions (largest single piece %.3f < %.2f); longest uncovered run %d"
                      + " <= %d shingles; separate paragraphs are kept",
                  covering.size(),
                  where(twin),
                  lines,
                  coverage,
                  xs.length,
                  CHAR_SHINGLE,
                  best / (double) xs.length,
                  CONTAINED_MIN_COVERAGE,
                  run,
                  MAX_UNCOVERED_RUN));
    }

    // ---------------------------------------------------------------- pairs

    private void pairs() {
      int pc = pairA.size();
      // edges loser -> winner, kept primitive; the Removal (with its reason) is built only for
      // the edge finally chosen
      IntArrayList eLoser = new IntArrayList();
      IntArrayList eWinner = new IntArrayList();
      IntArrayList ePair = new IntArrayList();
      DoubleArrayList eScore = new DoubleArrayList();
      for (int p = 0; p < pc; p++) {
        int a = pairA.getInt(p);
        int b = pairB.getInt(p);
        if (removal[a] != null || removal[b] != null) {
          continue;
        }
        Verdict v = judge(a, b, pairInter.getInt(p), false);
        if (v == null) {
          continue;
        }
        Edge e = orient(a, b, v);
        if (e == null) {
          continue;
        }
        eLoser.add(e.loser);
        eWinner.add(e.winner);
        ePair.add(p);
        eScore.add(e.score);
      }
      int ec = eLoser.size();
      // sort edges by loser, then score (best first), then winner
      int[] sortedEdges = new int[ec];
      for (int i = 0; i < ec; i++) {
        sortedEdges[i] = i;
      }
      IntArrays.quickSort(
          sortedEdges,
          (i, j) -> {
            int c = Integer.compare(eLoser.getInt(i), eLoser.getInt(j));
            if (c != 0) {
              return c;
            }
            c = Double.compare(eScore.getDouble(j), eScore.getDouble(i));
            if (c != 0) {
              return c;
            }
            return Integer.compare(eWinner.getInt(i), eWinner.getInt(j));
          });
      int[] edgeStart = new int[n + 1];
      for (int k = 0; k < ec; k++) {
        edgeStart[eLoser.getInt(sortedEdges[k]) + 1]++;
      }
      for (int i = 0; i < n; i++) {
        edgeStart[i + 1] += edgeStart[i];
      }
      // iterative depth-first decision: a block is removed when one of its winners is kept
      byte[] state = new byte[n]; // 0 undecided, 1 visiting, 2 kept, 3 removed
      int[] cursor = new int[n];
      int[] stack = new int[n];
      for (int s = 0; s < n; s++) {
        if (state[s] != 0 || feat[s] == null || removal[s] != null) {
          continue;
        }
        int sp = 0;
        stack[sp++] = s;
        state[s] = 1;
        cursor[s] = edgeStart[s];
        while (sp > 0) {
          int u = stack[sp - 1];
          if (cursor[u] < edgeStart[u + 1]) {
            int e = sortedEdges[cursor[u]++];
            int w = eWinner.getInt(e);
            if (state[w] == 0 && removal[w] == null) {
              state[w] = 1;
              cursor[w] = edgeStart[w];
              stack[sp++] = w;
            }
            continue;
          }
          sp--;
          Removal chosen = null;
          for (int k = edgeStart[u]; k < edgeStart[u + 1]; k++) {
            int e = sortedEdges[k];
            if (state[eWinner.getInt(e)] == 2) {
              int p = ePair.getInt(e);
              int a = pairA.getInt(p);
              int b = pairB.getInt(p);
              chosen = orient(a, b, judge(a, b, pairInter.getInt(p), true)).removal;
              break;
            }
          }
          if (chosen != null) {
            state[u] = 3;
            removal[u] = chosen;
          } else {
            state[u] = 2;
          }
        }
      }
    }

    /** A pair oriented by the keep policy. */
    private static final class Edge {
      int loser;
      int winner;
      double score;
      Removal removal; // only when the verdict carries explanations
    }

    /** Orients a judged pair with the policy; null when neither copy may go. */
    private Edge orient(int a, int b, Verdict v) {
      int cmp = policy.compare(blocks.get(a), v.compA, blocks.get(b), v.compB);
      if (cmp == 0) {
        throw new IllegalStateException(
            "keep policy " + policy + " returned 0 for blocks " + a + " and " + b);
      }
      Edge e = new Edge();
      e.winner = cmp < 0 ? a : b;
      e.loser = cmp < 0 ? b : a;
      if (pinned[e.loser]) {
        return null;
      }
      RemovalKind kind;
      String evidence;
      if (e.loser == v.smaller) {
        kind = RemovalKind.CONTAINED;
        e.score = v.containedScore;
        evidence = v.containedEvidence;
      } else if (v.nearEvidence != null) {
        kind = RemovalKind.NEAR_DUPLICATE;
        e.score = v.nearScore;
        evidence = v.nearEvidence;
      } else {
        return null; // the policy keeps the smaller copy and the larger is no near duplicate
      }
      if (!evidence.isEmpty()) {
        double compL = e.loser == a ? v.compA : v.compB;
        double compW = e.loser == a ? v.compB : v.compA;
        Block w = blocks.get(e.winner);
        String reason =
            evidence.replace("%TWIN%", where(w)) + policyNote(e.loser, compL, e.winner, compW);
        e.removal = new Removal(blocks.get(e.loser), kind, e.score, w, List.of(), reason);
      }
      return e;
    }

    /** What a verified pair is: contained (the smaller in the larger), near, or both. */
    private static final class Verdict {
      int smaller = -1; // the contained block when contained
      String containedEvidence;
      double containedScore;
      String nearEvidence;
      double nearScore;
      double compA;
      double compB;
    }

    private Verdict judge(int a, int b, int inter, boolean explain) {
      Feat fa = feat[a];
      Feat fb = feat[b];
      int na = fa.c5.length;
      int nb = fb.c5.length;
      int small = Math.min(na, nb);
      int large = Math.max(na, nb);
      if (small < MIN_SIMILAR_SHINGLES) {
        return null;
      }
      int union = na + nb - inter;
      double jac = inter / (double) union;
      double cont = inter / (double) small;
      int s = na <= nb ? a : b; // smaller (the earlier on ties)
      int l = s == a ? b : a;
      if (!numbersCompatible(feat[s].nums, feat[l].nums)) {
        return null;
      }
      Verdict v = new Verdict();
      // completeness: equal unless one copy is the other cut short (see below)
      v.compA = 1.0;
      v.compB = 1.0;
      if (cont >= CONTAINED_MIN_COVERAGE
          && small < large
          && (truncated[s] || small >= CONTAINED_MIN_SHARE * large)) {
        long[] ss = sequence(blocks.get(s));
        long[] ls = sequence(blocks.get(l));
        Alignment al = align(ss, ls);
        double matched = al.matched / (double) ss.length;
        if (matched >= CONTAINED_MIN_COVERAGE
            && al.maxGap <= MAX_UNCOVERED_RUN
            && al.span <= CONTAINED_MAX_SPAN * ss.length) {
          boolean cutShort = truncated[s] || al.after > al.before;
          if (cutShort) {
            v.compA = na / (double) union;
            v.compB = nb / (double) union;
          }
          v.smaller = s;
          v.containedScore = matched;
          v.containedEvidence = !explain ? "" :
              String.format(
                  Locale.ROOT,
                  "%.3f of its %d char %d-gram positions align in order inside %%TWIN%% (>= %.2f),"
                      + " spanning %d positions there (<= %.2f x), longest gap %d <= %d; size share"
                      + " %.2f; %s",
                  matched,
                  ss.length,
                  CHAR_SHINGLE,
                  CONTAINED_MIN_COVERAGE,
                  al.span,
                  CONTAINED_MAX_SPAN,
                  al.maxGap,
                  MAX_UNCOVERED_RUN,
                  small / (double) large,
                  cutShort
                      ? (truncated[s]
                          ? "it ends with a truncation mark"
                          : "it is cut short: the other continues after it ("
                              + al.after + " more positions)")
                      : "the other only adds " + al.before + " leading positions (no truncation)");
        }
      }
      double th = nearThreshold(small);
      if (jac >= th) {
        int wi = intersect(fa.w3, fb.w3);
        int wu = fa.w3.length + fb.w3.length - wi;
        double wj = wu == 0 ? 0 : wi / (double) wu;
        if (wj >= NEAR_MIN_WORD_JACCARD) {
          v.nearScore = jac;
          v.nearEvidence = !explain ? "" :
              String.format(
                  Locale.ROOT,
                  "reworded copy of %%TWIN%%: char %d-gram Jaccard %.3f (%d shared of %d) >= %.3f"
                      + " (threshold for %d shingles), word %d-gram Jaccard %.3f >= %.2f",
                  CHAR_SHINGLE,
                  jac,
                  inter,
                  union,
                  th,
                  small,
                  WORD_SHINGLE,
                  wj,
                  NEAR_MIN_WORD_JACCARD);
        }
      }
      return v.smaller >= 0 || v.nearEvidence != null ? v : null;
    }

    /** In-order alignment of a smaller block's shingle sequence inside a larger one's. */
    private static final class Alignment {
      int matched; // shingles of the smaller found in order
      int maxGap; // longest run of consecutive unmatched shingles of the smaller
      int span; // positions of the larger between the first and last match, inclusive
      int before; // positions of the larger before the first match
      int after; // positions of the larger after the last match
    }

    /**
     * Greedy in-order alignment: each shingle of {@code s} is matched to its first occurrence in
     * {@code l} after the previous match; unmatched shingles form gaps.
     */
    private static Alignment align(long[] s, long[] l) {
      Long2IntOpenHashMap firstPos = new Long2IntOpenHashMap(l.length);
      firstPos.defaultReturnValue(-1);
      int[] nextPos = new int[l.length];
      for (int i = l.length - 1; i >= 0; i--) {
        nextPos[i] = firstPos.put(l[i], i);
      }
      Alignment al = new Alignment();
      int p = -1;
      int first = -1;
      int gap = 0;
      for (long h : s) {
        int q = firstPos.get(h);
        while (q >= 0 && q <= p) {
          q = nextPos[q];
        }
        if (q < 0) {
          al.maxGap = Math.max(al.maxGap, ++gap);
          continue;
        }
        gap = 0;
        if (first < 0) {
          first = q;
        }
        p = q;
        al.matched++;
      }
      if (first >= 0) {
        al.span = p - first + 1;
        al.before = first;
        al.after = l.length - 1 - p;
      }
      return al;
    }

    /** Exact copies of a representative that was removed later follow it to its twin. */
    private void repointExactCopies() {
      for (int i = 0; i < n; i++) {
        if (feat[i] == null || rep[i] == i) {
          continue;
        }
        Removal r = removal[rep[i]];
        if (r == null) {
          continue;
        }
        Block rb = blocks.get(rep[i]);
        removal[i] =
            new Removal(
                blocks.get(i),
                r.kind(),
                r.score(),
                r.twin(),
                r.covering(),
                "same normalized text as "
                    + where(rb)
                    + ", which is itself removed: "
                    + r.reason());
      }
    }

    // ---------------------------------------------------------------- helpers

    private String policyNote(int loser, double compL, int winner, double compW) {
      Block l = blocks.get(loser);
      Block w = blocks.get(winner);
      String why;
      if (Math.abs(compL - compW) > KeepPolicy.COMPLETENESS_MARGIN && compW > compL) {
        why = "more complete";
      } else if (w.index() < l.index()) {
        why = "first copy";
      } else {
        why = "preferred";
      }
      return String.format(
          Locale.ROOT,
          "; kept line %d (%s; completeness %.2f vs %.2f)",
          w.line(),
          why,
          compW,
          compL);
    }

    /** The char shingle hashes of a block's normalized text, in order. */
    private long[] sequence(Block b) {
      NormalizedText nt = NORMALIZER.normalize(b.text());
      return Shingler.charShingles(nt.chars(), 0, nt.length(), CHAR_SHINGLE).toLongArray();
    }

    private String where(Block w) {
      return "line " + w.line() + " (block " + w.index() + ", chars " + w.start() + "-" + w.end()
          + ")";
    }
  }

  // ---------------------------------------------------------------- static helpers

  /** Sorts {@code x} in place and returns its distinct values (possibly the same array). */
  static long[] sortedDistinct(long[] x) {
    if (x.length < 2) {
      return x;
    }
    Arrays.sort(x);
    int k = 1;
    for (int i = 1; i < x.length; i++) {
      if (x[i] != x[k - 1]) {
        x[k++] = x[i];
      }
    }
    return k == x.length ? x : Arrays.copyOf(x, k);
  }

  /** Sorts {@code x[0, len)} in place and returns a new array of its distinct values. */
  static long[] distinctCopy(long[] x, int len) {
    if (len == 0) {
      return NO_HASHES;
    }
    Arrays.sort(x, 0, len);
    int k = 1;
    for (int i = 1; i < len; i++) {
      if (x[i] != x[k - 1]) {
        x[k++] = x[i];
      }
    }
    return Arrays.copyOf(x, k);
  }

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

  /** True when every number of one block occurs in the other (one set includes the other). */
  static boolean numbersCompatible(long[] a, long[] b) {
    int inter = intersect(a, b);
    return inter == a.length || inter == b.length;
  }

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
}
