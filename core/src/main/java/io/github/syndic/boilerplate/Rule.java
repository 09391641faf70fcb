package io.github.syndic.boilerplate;

import io.github.syndic.doc.RemovalKind;

/**
 * Every rule of the {@link BoilerplateClassifier} that labels a block, with the kind it gives and
 * its confidence (the {@link io.github.syndic.doc.Removal#score()} of its removals), in the order
 * the classifier applies them. The confidences are ordinal, set by hand: 0.95 for a whole-line cue
 * or a card credit (a line that is nothing else), 0.9-0.85 for a cue or pattern that covers most
 * of the line, 0.8-0.75 for evidence that some article lines also show, 0.7 for a block labelled
 * by its neighbours alone and 0.6 for the page-layout fallbacks. The reason text of a removal is
 * built where the rule fires (it quotes what matched).
 *
 * <p>Immutable and thread-safe.
 */
enum Rule {
  // ------------------------------------------------------------ line rules (LineRules)

  /** Punctuation or symbols only (a separator line, a lone bullet). */
  NO_LETTERS(RemovalKind.OTHER, 0.6),
  /** The whole line is a cue; the kind is the cue's. */
  WHOLE_CUE(null, 0.95),
  /** The line starts with a cue ('Source:', 'Tags:'); the kind is the cue's. */
  PREFIX_CUE(null, 0.9),
  /** A byline cue and a name. */
  BYLINE(RemovalKind.CREDIT, 0.85),
  /** A place or outlet and a credit or byline between dashes ('Riyadh - Agencies'). */
  DATELINE_CREDIT(RemovalKind.CREDIT, 0.85),
  /** A reading-time line ('4 min read'). */
  READ_TIME(RemovalKind.OTHER, 0.9),
  /** A video or audio item with its running time ('VIDEO: Nightly update (2:14)'). */
  MEDIA_ITEM(RemovalKind.OTHER, 0.85),
  /** A copyright notice ('© 2012 Site', '... Ltd. © 2024 Outlet'). */
  COPYRIGHT(RemovalKind.LEGAL, 0.9),
  /** A credit cue ending a short line ('The Associated Press contributed to this report.'). */
  SUFFIX_CUE(null, 0.85),
  /**
   * A short line with an e-mail address ('Contact Jane at jane@example.com'). Kind other, not
   * credit: a site's footer holds such a line too, so it must not read as the article's own end
   * (which makes a related marker before it a card; the crawled-feed test lost .015 strict F1).
   */
  CONTACT(RemovalKind.OTHER, 0.8),
  /** A legal, promo or comment cue anywhere in the line; the kind is the cue's. */
  ANYWHERE_CUE(null, 0.8),
  /** A related card's photo credit with agency, image width and date. */
  CARD_CREDIT(RemovalKind.CAPTION, 0.95),
  /** A date or time line. */
  TIMESTAMP(RemovalKind.TIMESTAMP, 0.9),
  /** A caption-credit cue used as a label ('Photo: ...'). */
  CREDIT_LABEL(RemovalKind.CAPTION, 0.85),
  /** A caption-credit cue after a separator or at the end of a caption. */
  PHOTO_CREDIT(RemovalKind.CAPTION, 0.85),
  /** Digits and a share, comment or promo cue ('14 comments'). */
  COUNTER(RemovalKind.OTHER, 0.8),
  /** A space-separated menu of section names. */
  SECTION_MENU(RemovalKind.NAVIGATION, 0.85),
  /** A row of items between separators, every item a cue; the kind is the cues'. */
  CUE_ROW(null, 0.9),
  /** A row of short items between menu separators. */
  MENU_ROW(RemovalKind.NAVIGATION, 0.8),
  /** The line starts with a navigation cue. */
  NAVIGATION_PREFIX(RemovalKind.NAVIGATION, 0.8),
  /** Mostly URLs or e-mail addresses. */
  LINKS(RemovalKind.OTHER, 0.8),
  /** A long line of words in alphabetical order: a tag cloud or an A-Z index. */
  SORTED_WORDS(RemovalKind.TAGS, 0.8),
  /** A line of hashtags only. */
  HASHTAGS(RemovalKind.TAGS, 0.85),
  /** Comment author lines ('jane_doe says:'), when several lines of the document are. */
  COMMENT_AUTHOR(RemovalKind.OTHER, 0.8),

  // ------------------------------------------------------------ the source's template

  /** A block the source repeats in many documents ({@link TemplateModel}). */
  TEMPLATE(RemovalKind.OTHER, 0.9),

  // ------------------------------------------------------------ context rules (ContextRules)

  /** An all-caps short line among others or next to navigation. */
  CAPS_MENU(RemovalKind.NAVIGATION, 0.75),
  /** A headline-like block between a caption or a label and a timestamp (a related card). */
  CARD_HEADLINE(RemovalKind.RELATED_HEADLINE, 0.85),
  /** A headline-like block right before a timestamp inside the body. */
  CARD_BEFORE_TIME(RemovalKind.RELATED_HEADLINE, 0.7),
  /**
   * A headline-like block between two labelled blocks; the kind is a related headline after a
   * caption or marker, else the previous block's.
   */
  BETWEEN_LABELLED(null, 0.7),
  /**
   * The headline of a related card that a marker opens inside the body: the article goes on after
   * it and ends with its credit or tags.
   */
  CARD_AFTER_MARKER(RemovalKind.RELATED_HEADLINE, 0.8),
  /** A paragraph of the linked story in a card inside the body. */
  CARD_BODY(RemovalKind.RELATED_BODY, 0.75),
  /** A bulleted item after a tail marker. */
  TAIL_BULLET(RemovalKind.RELATED_LIST, 0.85),
  /** A headline right after a tail marker and before a paragraph. */
  TAIL_HEADLINE(RemovalKind.RELATED_HEADLINE, 0.85),
  /** A byline or source line under the headline of a tail (the linked story's credit). */
  TAIL_BYLINE(RemovalKind.CREDIT, 0.8),
  /** A short line in a list after a tail marker. */
  TAIL_LIST(RemovalKind.RELATED_LIST, 0.8),
  /** Another headline-like line after a tail marker. */
  TAIL_HEADLINE_LIKE(RemovalKind.RELATED_HEADLINE, 0.75),
  /** A paragraph of another story after a tail marker. */
  TAIL_BODY(RemovalKind.RELATED_BODY, 0.8),

  // ------------------------------------------------------------ page layout (PageLayout)

  /** A short line inside the main region that occurs elsewhere on the page. */
  PAGE_REPEATED(RemovalKind.OTHER, 0.6),
  /** A short line outside the main text region. */
  PAGE_SHORT_OUTSIDE(RemovalKind.NAVIGATION, 0.6),
  /** A long line outside the main text region. */
  PAGE_TEXT_OUTSIDE(RemovalKind.OTHER, 0.6),

  // ------------------------------------------------------------ HTML structure (StructureRules)

  /** Under a furniture element (nav, aside, comments, share tools...); the kind is the element's. */
  STRUCTURE_FURNITURE(null, 0.8),
  /** The article's {@code <h1>} before its text: the headline, which the page's title repeats. */
  STRUCTURE_HEADLINE(RemovalKind.OTHER, 0.7),
  /** In a figure inside the article element. */
  STRUCTURE_FIGURE(RemovalKind.CAPTION, 0.8),
  /** Mostly links, inside the article element; navigation or a related list. */
  STRUCTURE_LINKS(null, 0.7),
  /** Outside the article element; navigation when short or link-heavy, else other. */
  STRUCTURE_OUTSIDE(null, 0.7),
  /**
   * A heading whose section the other rules removed entirely, on a whole page; the kind of the
   * first removed block after it.
   */
  ORPHAN_HEADING(null, 0.65);

  private final RemovalKind kind;
  private final double confidence;

  Rule(RemovalKind kind, double confidence) {
    this.kind = kind;
    this.confidence = confidence;
  }

  /** The kind of the removals; null when it depends on what matched (a cue's category). */
  RemovalKind kind() {
    return kind;
  }

  /** The score of the removals, in (0, 1]. */
  double confidence() {
    return confidence;
  }

  /** Lower case with hyphens, e.g. {@code whole-cue}. */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Labels {@code b} with this rule's kind. */
  void apply(BlockInfo b, String reason) {
    if (kind == null) {
      throw new IllegalStateException("rule " + label() + " needs the kind of what matched");
    }
    b.label(this, kind, reason);
  }

  /** Labels {@code b} with {@code kind}, for the rules whose kind depends on what matched. */
  void apply(BlockInfo b, RemovalKind kind, String reason) {
    if (this.kind != null && this.kind != kind) {
      throw new IllegalStateException("rule " + label() + " gives " + this.kind + ", not " + kind);
    }
    b.label(this, kind, reason);
  }
}
