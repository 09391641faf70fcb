package io.github.syndic.dup;

import static io.github.syndic.dup.DuplicateDetector.CHAR_SHINGLE;
import static io.github.syndic.dup.DuplicateDetector.FULL_INDEX_MAX_SHINGLES;
import static io.github.syndic.dup.DuplicateDetector.MIN_EXACT_CHARS;
import static io.github.syndic.dup.DuplicateDetector.MIN_EXACT_TOKENS;
import static io.github.syndic.dup.DuplicateDetector.SAMPLE_BITS;
import static io.github.syndic.dup.DuplicateDetector.SEGMENT_CHARS;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.hash.Hash64;
import io.github.syndic.internal.DocumentView;
import io.github.syndic.shingle.Shingler;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import io.github.syndic.text.Tokenizer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One detection over one document: the state its steps share, by position in the block list
 * (features, representatives, verified pairs, removals), and the order of the steps: features and
 * exact groups, {@link CandidateSearch}, {@link ConcatenationFinder}, {@link
 * KeepResolution#pairs}. Not shared between threads.
 */
final class Detection {
  private static final TextNormalizer NORMALIZER = TextNormalizer.defaults();

  /**
   * The features kept in a document's view: they depend on a block's text only (not on the
   * detector's settings), so every detector shares the slot.
   */
  private static final DocumentView.Key<BlockFeatures> FEATURES =
      new DocumentView.Key<>("duplicate features", BlockFeatures.class);

  /**
   * Marks the blocks of a detection that found nothing and whose search no cap limited: one
   * object per such detection, the same on each of its eligible blocks (a later detection of the
   * same blocks overwrites the marks of the blocks it shares).
   */
  private static final DocumentView.Key<Object> NOTHING_FOUND =
      new DocumentView.Key<>("duplicate-free blocks", Object.class);

  /** The result of the last detection that held a block eligible: see {@link #knownResult}. */
  private static final DocumentView.Key<Result> RESULT =
      new DocumentView.Key<>("duplicate detection result", Result.class);

  final List<Block> blocks;
  final boolean[] eligible;
  final KeepPolicy policy;
  private final DocumentView view;
  final int n;
  /**
   * Features of each eligible block (null for the others); exact copies share one object. A
   * bounded detection holds those of the segment being searched and of the small blocks (under
   * {@code MIN_SIMILAR_SHINGLES}) in pairs only; {@link #features} computes the others again.
   */
  final BlockFeatures[] feat;
  final Removal[] removal;
  /** Pieces of a concatenation: kept, never removed afterwards. */
  final boolean[] pinned;
  /** The block ends with a truncation mark. */
  final boolean[] truncated;
  /** Exact-duplicate representative of each eligible block (itself if none). */
  final int[] rep;
  /** Number of indexed (sampled) shingles of each representative. */
  final int[] indexed;
  /** Number of distinct char shingles of each eligible block (its features' {@code c5} length). */
  final int[] shingles;
  /** Length of each eligible block's normalized text. */
  final int[] normLength;
  /** Verified pairs: a < b, inter = shared char shingles. */
  final IntArrayList pairA;
  final IntArrayList pairB;
  final IntArrayList pairInter;
  private long[] scratch = new long[1024]; // reused char shingle buffer of the features
  private final HashSort sort = new HashSort();
  private boolean bounded;
  /**
   * Set by {@link CandidateSearch} when a cap limited the search: a posting held {@link
   * DuplicateDetector#POSTING_CAP} blocks, or a block had more than {@link
   * DuplicateDetector#MAX_VERIFIED} candidates.
   */
  boolean limited;
  /** Some block is an exact copy of an earlier one. */
  private boolean exactCopies;
  /** Most normalized chars of the representatives of one segment. */
  final int segmentChars;

  Detection(List<Block> blocks, boolean[] eligible, KeepPolicy policy, DocumentView view) {
    this(blocks, eligible, policy, view, SEGMENT_CHARS);
  }

  /**
   * A detection whose segments hold at most {@code segmentChars} (tests use small segments;
   * {@link DuplicateDetector} uses {@link DuplicateDetector#SEGMENT_CHARS}).
   */
  Detection(List<Block> blocks, boolean[] eligible, KeepPolicy policy, DocumentView view,
      int segmentChars) {
    if (segmentChars < 1) {
      throw new IllegalArgumentException("segmentChars must be >= 1, got " + segmentChars);
    }
    this.segmentChars = segmentChars;
    this.blocks = blocks;
    this.eligible = eligible;
    this.policy = policy;
    this.view = view;
    this.n = blocks.size();
    this.feat = new BlockFeatures[n];
    this.removal = new Removal[n];
    this.pinned = new boolean[n];
    this.truncated = new boolean[n];
    this.pairA = new IntArrayList(n);
    this.pairB = new IntArrayList(n);
    this.pairInter = new IntArrayList(n);
    this.rep = new int[n];
    this.indexed = new int[n];
    this.shingles = new int[n];
    this.normLength = new int[n];
  }

  List<Removal> run() {
    if (knownToFindNothing()) {
      return new ArrayList<>();
    }
    List<Removal> earlier = knownResult();
    if (earlier != null) {
      return earlier;
    }
    long chars = 0;
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        chars += blocks.get(i).text().length();
      }
    }
    // A document of more than segmentChars keeps no features beyond the segment being searched
    // (and the small blocks of its pairs): here it only normalizes, hashes and counts tokens for
    // the exact groups; its segments compute the features.
    bounded = chars > segmentChars;
    IntArrayList counted = bounded ? new IntArrayList() : null;
    long total = 0;
    Long2IntOpenHashMap firstOfText = new Long2IntOpenHashMap();
    firstOfText.defaultReturnValue(-1);
    int[] nextInGroup = new int[n];
    int[] lastInGroup = new int[n];
    int[] tokens = new int[n];
    Arrays.fill(nextInGroup, -1);
    IntArrayList heads = new IntArrayList();
    for (int i = 0; i < n; i++) {
      rep[i] = i;
      if (!eligible[i]) {
        continue;
      }
      Block b = blocks.get(i);
      BlockFeatures known = view == null || bounded ? null : view.get(FEATURES, b);
      truncated[i] = BlockFeatures.endsTruncated(b.text());
      NormalizedText nt = null;
      int len;
      long h;
      if (known != null) {
        len = known.normLength;
        h = known.textHash;
      } else {
        nt = normalized(i);
        len = nt.length();
        h = Hash64.hashChars(nt.chars(), 0, len);
      }
      // Same normalized text (64-bit hash and length equal) as an earlier block: the same
      // features, shared, so that a document of many repeated short lines (separators, one-word
      // labels) keeps one object per distinct text alive, not one per line.
      int g = firstOfText.putIfAbsent(h, i);
      boolean same = g >= 0 && normLength[g] == len;
      BlockFeatures f;
      if (same) {
        f = feat[g];
        shingles[i] = shingles[g];
        tokens[i] = tokens[g];
      } else if (bounded) {
        f = null;
        tokens[i] = Tokenizer.count(nt);
      } else {
        if (known != null) {
          f = known;
        } else {
          f = features(nt);
          f.textHash = h;
        }
        shingles[i] = f.c5.length;
        tokens[i] = f.tokens;
      }
      normLength[i] = len;
      if (!bounded) {
        feat[i] = f;
        if (view != null && known == null) {
          view.put(FEATURES, b, f);
        }
      }
      if (len >= MIN_EXACT_CHARS) {
        if (same && tokens[g] >= MIN_EXACT_TOKENS) {
          // an exact duplicate: grouped with the earlier copies
          exactCopies = true;
          nextInGroup[lastInGroup[g]] = i;
          lastInGroup[g] = i;
          continue;
        }
        if (g < 0) {
          heads.add(i);
          lastInGroup[i] = i;
        }
      }
      if (bounded) {
        total += len + 1; // at least its distinct char shingles
        counted.add(i);
      } else {
        total += shingles[i];
      }
    }
    if (bounded && total > FULL_INDEX_MAX_SHINGLES) {
      // whether the document indexes a sample is decided on the exact count, as for any
      // document: counted until it passes the limit (a few hundred KB of text)
      long exact = 0;
      for (int k = 0; k < counted.size() && exact <= FULL_INDEX_MAX_SHINGLES; k++) {
        exact += features(counted.getInt(k)).c5.length;
      }
      total = exact > FULL_INDEX_MAX_SHINGLES ? total : exact;
    }
    KeepResolution.exactDuplicates(this, heads, nextInGroup);
    int sampleMask = total > FULL_INDEX_MAX_SHINGLES ? (1 << SAMPLE_BITS) - 1 : 0;
    CandidateSearch.run(this, sampleMask, total);
    ConcatenationFinder.run(this);
    FigureCandidates.run(this);
    KeepResolution.pairs(this);
    KeepResolution.repointExactCopies(this);
    if (view != null && !bounded && sampleMask == 0 && !limited && !exactCopies
        && pairA.isEmpty()) {
      // nothing found, and no cap limited the search: see knownToFindNothing
      Object mark = new Object();
      for (int i = 0; i < n; i++) {
        if (eligible[i]) {
          view.put(NOTHING_FOUND, blocks.get(i), mark);
        }
      }
    }
    List<Removal> out = new ArrayList<>();
    for (Removal r : removal) {
      if (r != null) {
        out.add(r);
      }
    }
    if (view != null) {
      Result result = new Result(policy, out, eligibleCount());
      for (int i = 0; i < n; i++) {
        if (eligible[i]) {
          view.put(RESULT, blocks.get(i), result);
        }
      }
    }
    return out;
  }

  /**
   * The removals of an earlier detection of this document with the same policy over exactly the
   * same eligible blocks (the cleaner's next pass when nothing was removed, or its article pass
   * after the page pass found nothing): the result depends on the eligible blocks' texts and order
   * and on the policy alone, so it is the same. Null when there is none.
   */
  private List<Removal> knownResult() {
    Result known = commonMark(RESULT);
    if (known == null || known.policy != policy) {
      return null;
    }
    // the earlier detection marked its eligible blocks, all of which still carry its mark: the
    // same set when it had as many
    return known.blocks == eligibleCount() ? new ArrayList<>(known.removals) : null;
  }

  private int eligibleCount() {
    int count = 0;
    for (int i = 0; i < n; i++) {
      count += eligible[i] ? 1 : 0;
    }
    return count;
  }

  /**
   * The value the view holds under {@code key} for every eligible block, the same object for
   * all; null when there is none (no view, no eligible block, a block without one, or two
   * blocks with different ones).
   */
  private <T> T commonMark(DocumentView.Key<T> key) {
    if (view == null) {
      return null;
    }
    T mark = null;
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        T m = view.get(key, blocks.get(i));
        if (m == null || (mark != null && m != mark)) {
          return null;
        }
        mark = m;
      }
    }
    return mark;
  }

  /** The removals of one detection, marked on each of its eligible blocks. */
  private static final class Result {
    final KeepPolicy policy;
    final List<Removal> removals;
    /** The number of eligible blocks of the detection. */
    final int blocks;

    Result(KeepPolicy policy, List<Removal> removals, int blocks) {
      this.policy = policy;
      this.removals = List.copyOf(removals);
      this.blocks = blocks;
    }
  }

  /**
   * True when every eligible block was eligible in one earlier detection of this document (the
   * cleaner's previous pass) that found no exact copy and no verified pair, with no cap limiting
   * its search and no sampling. Then this detection finds nothing either: without caps the shared
   * shingles counted for two blocks, the estimate, the verification and the exact groups depend on
   * the two blocks alone, so the pairs of a subset of blocks are the earlier pairs among them
   * (none), and concatenations need pairs. (A subset is never sampled, bounded or capped where
   * the whole was not.)
   */
  private boolean knownToFindNothing() {
    return commonMark(NOTHING_FOUND) != null;
  }

  /**
   * True when the document is searched in segments of at most {@link #segmentChars} and keeps
   * the features of the current segment and of the small blocks in pairs only.
   */
  boolean bounded() {
    return bounded;
  }

  /**
   * The features of block {@code i}: kept, or computed again without keeping them (a bounded
   * detection keeps those of the segment being searched and of the small blocks in pairs only).
   */
  BlockFeatures features(int i) {
    BlockFeatures f = feat[i];
    return f != null ? f : features(normalized(i));
  }

  /**
   * The features of block {@code i} with its word shingles and numbers filled (what {@link
   * PairJudge} compares).
   */
  BlockFeatures wordFeatures(int i) {
    BlockFeatures f = feat[i];
    if (f == null) {
      NormalizedText nt = normalized(i);
      f = features(nt);
      f.words(nt, sort);
    } else if (!f.hasWords()) {
      f.words(normalized(i), sort);
    }
    return f;
  }

  /** The word pieces of block {@code i} ({@link BlockFeatures#pieces}), computed once. */
  long[] pieces(int i) {
    BlockFeatures f = wordFeatures(i);
    if (f.pieces == null) {
      f.pieces = BlockFeatures.pieces(normalized(i), sort);
    }
    return f.pieces;
  }

  /** The features of block {@code i}, kept until {@link #dropFeatures}. */
  BlockFeatures keptFeatures(int i) {
    BlockFeatures f = feat[i];
    if (f == null) {
      f = features(normalized(i));
      feat[i] = f;
      shingles[i] = f.c5.length;
    }
    return f;
  }

  private BlockFeatures features(NormalizedText nt) {
    scratch = BlockFeatures.scratchFor(scratch, nt.length());
    return BlockFeatures.of(nt, scratch, sort);
  }

  /** The number of char shingles {@code a} and {@code b} share, by merging their sorted sets. */
  int intersectC5(BlockFeatures a, BlockFeatures b) {
    return BlockFeatures.intersect(a.sortedC5(sort), b.sortedC5(sort));
  }

  /** Forgets the features of block {@code i} (a bounded detection, after its segment). */
  void dropFeatures(int i) {
    if (bounded) {
      feat[i] = null;
    }
  }

  /** The normalized text of block {@code i}: the view's, or computed here without a view. */
  private NormalizedText normalized(int i) {
    Block b = blocks.get(i);
    return view != null && !bounded ? view.normalized(b) : NORMALIZER.normalize(b.text());
  }

  /** True for an eligible block that represents its exact group (or has no exact copy). */
  boolean isRep(int i) {
    return eligible[i] && rep[i] == i;
  }

  /** The char shingle hashes of block {@code i}'s normalized text, in order. */
  long[] sequence(int i) {
    NormalizedText nt = normalized(i);
    return Shingler.charShingles(nt.chars(), 0, nt.length(), CHAR_SHINGLE);
  }
}
