package io.github.syndic.boilerplate;

import io.github.syndic.doc.PageStructure;

/**
 * The lead of an HTML article that {@link StructureRules} found: a standfirst just before the
 * article element's first block, which a page often puts in the article's header or in an intro
 * container beside the body's container, so that the body's container wins the weights without
 * it.
 *
 * <p>Stateless and thread-safe.
 */
final class ArticleLead {
  private ArticleLead() {}

  /**
   * Most ancestors above the article element within which a lead before it is looked for: 3,
   * the depth of the usual {@code article > header > div.intro > p} around a standfirst, when
   * the article element is the body's container beside it.
   */
  static final int LEAD_MAX_LEVELS = 3;

  /**
   * Most blocks that are not running text between a lead and the article's first block, or
   * between two lead paragraphs: 6, one each of what an article's head holds there (the
   * headline, a date, a byline, a share row, an image credit and its caption).
   */
  static final int LEAD_MAX_GAP = 6;

  /** Most paragraphs of a lead (a standfirst of one or two paragraphs). */
  static final int LEAD_MAX_BLOCKS = 2;

  /**
   * The lead of the article: running text just before the article's first block, outside the
   * article element but near it (a standfirst in the article's header or in an intro container
   * beside the body), with only short blocks (headline, date, byline) or furniture (a share row,
   * a captioned image) in between. Not inside furniture itself, nor in a list item or a table
   * cell (a list of teasers before the article).
   */
  static boolean[] find(PageStructure s, int[] blockIndex, int[] weight,
      boolean[] inArticle, boolean[] underFurniture, int best) {
    int n = blockIndex.length;
    boolean[] lead = new boolean[n];
    int first = -1;
    for (int i = 0; i < n && first < 0; i++) {
      for (int x = s.element(blockIndex[i]); x >= 0; x = s.parent(x)) {
        if (inArticle[x]) {
          first = i;
          break;
        }
      }
    }
    int top = best;
    for (int k = 0; k < LEAD_MAX_LEVELS && s.parent(top) >= 0 && !underFurniture[s.parent(top)];
        k++) {
      top = s.parent(top);
    }
    int gap = 0;
    int found = 0;
    for (int i = first - 1; i >= 0 && gap <= LEAD_MAX_GAP && found < LEAD_MAX_BLOCKS; i--) {
      int el = s.element(blockIndex[i]);
      if (!StructureRules.within(s, el, top)) {
        break;
      }
      // (a list item or a table cell is a teaser of a list before the article, not its lead)
      if (weight[i] > 0 && !underFurniture[el]
          && (s.inheritedFlags(el) & (PageStructure.LIST_ITEM | PageStructure.TABLE_CELL)) == 0) {
        lead[i] = true;
        found++;
        gap = 0;
      } else {
        gap++;
      }
    }
    return lead;
  }
}
