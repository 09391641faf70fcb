package io.github.syndic.boilerplate;

import io.github.syndic.doc.PageStructure;
import io.github.syndic.doc.RemovalKind;

/**
 * Headings left without their section: a short kept line whose following blocks were all removed
 * up to the next heading or the end of the page ("Related links", "Share this:", "Sources" above
 * a list the other rules removed). A heading introduces what follows it; when everything it
 * introduces is boilerplate, so is the heading. Run on whole pages (HTML, or text in the page
 * layout) after every other rule, from the last block up, so that a heading over a section of
 * removed headings goes too.
 *
 * <p>A line is heading-like when it has at most {@link #MAX_TOKENS} tokens and is an HTML heading
 * ({@code <h1>}-{@code <h6>}) that does not end as a statement does (a full stop, an exclamation
 * mark, a closing quote), or ends with a colon or a question mark (a label, a question put to the
 * reader). A short line of another kind at the end of an article may be its sign-off or a
 * signature, which stays.
 *
 * <p>Stateless and thread-safe.
 */
final class OrphanHeadings {
  private OrphanHeadings() {}

  /**
   * Longest heading-like line (tokens): 8, a section heading or a call to the reader; the
   * shortest lines of running text the page layout counts have 10 or more
   * ({@link PageLayout}).
   */
  static final int MAX_TOKENS = 8;

  /** Labels the kept heading-like blocks whose sections the other rules removed entirely. */
  static void apply(BlockInfo[] info, PageStructure structure) {
    int nextKept = -1; // the first kept block after the current one, -1 for none
    for (int i = info.length - 1; i >= 0; i--) {
      BlockInfo b = info[i];
      if (b.kind != null) {
        continue;
      }
      boolean last = i + 1 == info.length; // (the page's last block heads nothing either)
      if (headingLike(b, structure) && (last || info[i + 1].kind != null)
          && (nextKept < 0 || headingLike(info[nextKept], structure))) {
        RemovalKind kind = last ? RemovalKind.OTHER : info[i + 1].kind;
        Rule.ORPHAN_HEADING.apply(b, kind, last ? "heading at the end of the page"
            : "heading of removed blocks only (next: " + kind.label() + ")");
        continue;
      }
      nextKept = i;
    }
  }

  /** Short, and a heading element or a line ending with a colon or a question mark. */
  static boolean headingLike(BlockInfo b, PageStructure structure) {
    if (b.tokens == 0 || b.tokens > MAX_TOKENS) {
      return false;
    }
    char last = Patterns.lastVisible(b.block.text());
    if (last == ':' || last == '?' || last == '\u061F' || last == '\uFF1F' || last == '\uFF1A') {
      return true;
    }
    return structure != null && !b.sentenceEnd && b.block.index() < structure.blocks()
        && structure.headingLevel(b.block.index()) > 0;
  }
}
