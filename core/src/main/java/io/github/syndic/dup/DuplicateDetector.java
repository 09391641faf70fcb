package io.github.syndic.dup;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.internal.DocumentView;
import io.github.syndic.text.TextNormalizer;
import java.util.List;

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
 *       pairs. A document of more than {@link #SEGMENT_CHARS} of eligible text is searched in
 *       consecutive segments of at most that many chars of distinct text, a block meeting the
 *       blocks of its own segment only (exact copies are grouped over the whole document), so its
 *       cost per MB and the memory the detector holds stay those of one segment. (MinHash/LSH would find Jaccard-similar pairs only; a teaser in its lead or a
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
 *       rises for short blocks) and word shingle Jaccard at least {@link #NEAR_MIN_WORD_JACCARD};
 *       never a headline (no sentence end, at most {@link #NEAR_HEADLINE_MAX_TOKENS} tokens) and
 *       a block that ends a sentence (a lead restating its title).
 *   <li>For contained and near pairs, both blocks need {@link #MIN_SIMILAR_SHINGLES} shingles and
 *       compatible numbers (the digit-bearing tokens of one block all occur in the other: '3-1'
 *       and '0-2' are different facts). The keep policy orients each pair (loser → winner); a block
 *       is removed when one of its winners is kept (winners decided first, cycles broken by block
 *       order), so every twin stays kept; exact copies of a removed representative follow it to
 *       its twin.
 * </ol>
 *
 * <p>Where the steps live (package-private, in the order a detection runs them): {@code
 * BlockFeatures} (step 1), {@code Detection} (the per-call state; exact groups), {@code
 * CandidateSearch} over {@code Postings} (step 3), {@code ConcatenationFinder} (step 4), {@code
 * PairJudge} (steps 5-6, with the in-order alignment), {@code KeepResolution} (step 7), and
 * {@code Reasons}, which writes every removal's explanation from the figures the steps pass.
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
   * Base Jaccard of a near duplicate: 0.40, from the pairs of different paragraphs inside real
   * articles. Over the 4,552 SaudiNewsNet articles (measured 2026-12-07; {@code
   * NearThresholdEvidenceTest} recomputes it when {@code ../shared/eval} is present), 122,078
   * pairs of distinct blocks have {@link #MIN_SIMILAR_SHINGLES} char shingles or more each:
   * 99.7% of them score below 0.39 (different paragraphs of one story share names and phrases up
   * to about there), the tail thins to a valley at 0.45-0.51 (1-4 pairs per 0.01, against 10-16
   * at 0.39-0.41), and the copies (a 'link to the story: headline' line, a repeated sentence)
   * pile up from 0.54. With the margin of {@link #NEAR_Z}, the threshold for paragraphs of
   * 100-400 shingles falls at 0.45-0.49, in that valley. Issue 15 reports the same boundary on
   * other real articles: different paragraphs rarely above about 0.39, rewordings from about
   * 0.42. The base of 0.5 used until 2026-12-07 (0.57 at 200 shingles) missed the rewordings
   * between: the labelled Turkish test page's at 0.51 on 118 shingles (threshold 0.59).
   *
   * <p>What no Jaccard separates: formulaic statements of protocol news (two congratulation
   * cables, two appointments, an arrival and a departure, each with other names) score 0.51-0.75
   * with the word-order overlap of rewordings. About 30 such pairs among the 4,552 articles are
   * taken for near duplicates, 5 of them since the base went from 0.5 to 0.4; the same base found
   * about 60 more 'link to the story' copies of the headline there.
   */
  public static final double NEAR_BASE_JACCARD = 0.4;

  /**
   * Standard errors added to {@link #NEAR_BASE_JACCARD} for short blocks: the threshold for a pair
   * whose smaller set has n shingles is {@code 0.4 + 2 * sqrt(0.24 / n)}, i.e. 0.47 at 200
   * shingles, 0.52 at 63, 0.58 at 30: a short pair must be clearly above the base, since two
   * headlines of the same story share names and phrases by chance (seed 001's title and a related
   * headline: 0.47 on 63 shingles).
   */
  public static final double NEAR_Z = 2.0;

  /**
   * Lowest char 5-gram Jaccard of a near duplicate whose two blocks end a sentence and hold the
   * same figures (digit runs, at least one), whatever their size and word 3-gram Jaccard: 0.35. A
   * rewording keeps the facts (names, figures, dates) and changes the words around them, so a
   * heavy one scores below {@link #nearThreshold}: 0.25-0.50 on 12 seed-like test articles in 5
   * languages written for issue 15 (moved clauses, synonyms; word 3-gram Jaccard 0.01-0.26 in
   * Russian and Arabic, whose endings and clitics change). Measured on the 4,552 SaudiNewsNet
   * articles (2026-12-07): pairs of distinct sentence blocks with the same figures are rare below
   * the Jaccard threshold (8 between 0.25 and 0.46), and below 0.35 they are mostly an article's
   * own restatements (a figure of the lead repeated in a quote) or two items of one list; at 0.35
   * the rule adds one pair on the 4,624 documents, a rewording ('25 ألف وحدة سكنية ... بين 318
   * و480' restated), and none on the AEB pages. It finds 5 of those 12 articles' rewordings that
   * the threshold misses.
   */
  public static final double NEAR_ANCHORED_JACCARD = 0.35;

  /**
   * Chars of a word piece ({@link BlockFeatures}: a char n-gram inside a word padded with a
   * boundary mark): 4, a stem's worth ('_par', 'ferr', 'ies_'); 5 would make most Arabic and
   * Russian pieces carry an ending or a clitic.
   */
  public static final int WORD_PIECE = 4;

  /**
   * Least Jaccard of the word pieces of a near duplicate whose char 5-gram Jaccard is below the
   * threshold: 0.45. Measured on the 4,552 SaudiNewsNet articles (2026-12-08): over the 79,059
   * pairs of distinct paragraphs of one article (at least 100 normalized chars, neither inside
   * the other) the word-piece Jaccard is 0.07 at the median, 0.26 at the 99th percentile and 0.45
   * at the 99.9th; pairs above are a story and its restatement, or two items of one formula (two
   * telegrams, two appointments). The seed-like test articles' rewordings score 0.29-0.70 (0.50
   * at the median), because they keep the stems and change the order.
   */
  public static final double NEAR_PIECE_JACCARD = 0.45;

  /**
   * Fewest figures (distinct digit runs) two paragraphs must share, as their whole sets, for
   * {@link FigureCandidates} to pair them whatever their char 5-grams: 2. One shared figure (a
   * year, a count) is common between two paragraphs of one story; two or more, and no other, is
   * rare: 17 pairs over the 79,059 pairs of distinct sentence paragraphs of SaudiNewsNet's 4,552
   * articles (2026-12-08).
   */
  public static final int NEAR_FIGURES_MIN_COUNT = 2;

  /**
   * Most paragraphs of one document with one set of figures that {@link FigureCandidates} pairs:
   * 8. More are the rows of a table or a results list, not a story and its rewording.
   */
  public static final int NEAR_FIGURES_MAX_GROUP = 8;

  /**
   * Least word-piece Jaccard of a near duplicate found by its figures ({@link
   * #NEAR_FIGURES_MIN_COUNT} or more, the same set): 0.30. Of the 17 such SaudiNewsNet pairs
   * (2026-12-08), the two copies of one formula score 0.75-0.92, a rewording 0.49, a lead and the
   * quote that restates its three percentages 0.37, and pairs of different content 0.28 and less
   * (two app descriptions with one price, two evenings of one festival programme). The 24 seed-like
   * test articles' rewordings that keep two figures or more score 0.30-0.60 (char 5-gram Jaccard
   * 0.20-0.47): word order is what a rewording changes most.
   */
  public static final double NEAR_FIGURES_PIECE_JACCARD = 0.30;

  /**
   * Least char 5-gram Jaccard of a pair that {@link #NEAR_PIECE_JACCARD} joins: 0.30. The pair
   * must still share order at the scale of words (at least half of the smaller block's 5-grams, as
   * every verified pair does, which is a Jaccard of about 0.33 for two blocks of one size); below,
   * two paragraphs of one topic share vocabulary and little else.
   */
  public static final double NEAR_PIECE_MIN_JACCARD = 0.30;

  /**
   * Fewest char shingles of each block of a pair that {@link #NEAR_ANCHORED_JACCARD} may join:
   * 100, a paragraph of about 20 words. Short lines of one table or list share small figures by
   * chance ('4 tackles, 1 assist (5 combined).' twice in an AEB page's statistics, 76 shingles);
   * the rewordings it is for are paragraphs (188-282 shingles on the test articles).
   */
  public static final int NEAR_ANCHORED_MIN_SHINGLES = 100;

  /**
   * Most tokens of a headline that {@link PairJudge} never pairs as a near duplicate with a block
   * that ends a sentence: 25 (headlines stay below 25 tokens, as in the page layout's long-line
   * rule). Measured on the 4,552 SaudiNewsNet articles (2026-12-07): every near pair of a
   * headline with a sentence was the title and the lead that restates it, or a quote it sums up.
   */
  public static final int NEAR_HEADLINE_MAX_TOKENS = 25;

  /**
   * Lowest word 3-gram Jaccard of a near duplicate: 0.20. Reworded copies keep phrases (seed 000:
   * 0.37; the labelled test pages' rewordings 0.23-0.35), blocks that merely share vocabulary do
   * not (seed 001's title vs a related headline 0.20, which its char Jaccard keeps apart). Arabic
   * writes conjunctions and prepositions into the word ('وبحسب' against 'وحسب'), so one changed
   * clitic breaks every word 3-gram across it. It was 0.25 until 2026-12-07; 0.20 adds no pair on
   * the 4,552 SaudiNewsNet articles or the AEB pages, and one on the test pages (an Arabic
   * rewording at 0.23).
   */
  public static final double NEAR_MIN_WORD_JACCARD = 0.20;

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

  /**
   * Most normalized chars of the representatives searched together for candidates: 4,000,000
   * (about 8 MB of Arabic or 4 MB of English text in UTF-8; 200 news articles of the longest
   * kind). A document with more eligible text is searched in consecutive segments of blocks,
   * each holding at most this many chars (a longer block forms a segment of its own): a block
   * meets the blocks of its own segment only, except for exact copies, which are grouped over
   * the whole document. The bound is what keeps a huge document's cost per MB constant: the
   * postings, the candidate counts and the features kept in memory are those of one segment
   * (plus the blocks of the pairs found), some 20-30 bytes per char of a segment, while the whole
   * document costs some 40 bytes per block in the detector's arrays. 4 million is 20 times
   * {@link #FULL_INDEX_MAX_SHINGLES}: the 50,000-paragraph pathological document of the
   * benchmarks (10 MB of Arabic, half of its lines exact copies) is still one segment, while a
   * segment's postings stay small enough for counting to run from the processor caches (on an
   * ordinary 20 MB document one table for the whole text made each look-up a miss and the
   * search several times slower).
   */
  public static final int SEGMENT_CHARS = 4_000_000;

  /** Most candidates verified exactly per block (best shared counts first): 64. */
  public static final int MAX_VERIFIED = 64;

  /**
   * Least estimated containment (shared indexed shingles / indexed shingles of the smaller block)
   * for a candidate to be verified: 0.4, below every threshold above with room for sampling noise.
   */
  public static final double PREFILTER_CONTAINMENT = 0.4;

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
    // The cleaner hands its blocks with the document's internal view: the normalized texts and the
    // per-block features (normalized length and hash, shingle sets) an earlier pass computed are
    // reused. The result is the same as for any other list of the same blocks.
    DocumentView view = DocumentView.carriedBy(blocks);
    return new Detection(blocks, eligible, config.keepPolicy(), view).run();
  }
}
