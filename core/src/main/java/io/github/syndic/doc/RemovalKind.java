package io.github.syndic.doc;

import java.util.Locale;

/**
 * Why a block was removed. The first four are duplicate kinds (the block repeats content that is
 * kept elsewhere, see {@link Removal#twin()}); the rest are boilerplate kinds.
 *
 * <p>Immutable and thread-safe.
 */
public enum RemovalKind {
  /** Same normalized text as a kept block. */
  EXACT_DUPLICATE,
  /** A reworded copy of a kept block. */
  NEAR_DUPLICATE,
  /** Lies almost entirely inside one longer kept block (a truncated teaser, a quoted headline). */
  CONTAINED,
  /** Covered by the union of several kept blocks (a run-on blob gluing paragraphs). */
  CONCATENATION,
  /** A source or author credit, a byline. */
  CREDIT,
  /** A tag or keyword line. */
  TAGS,
  /** A marker that introduces related content ('read also', 'similar articles'). */
  RELATED_MARKER,
  /** The headline of another story (after a marker, or inside a related-article card). */
  RELATED_HEADLINE,
  /** Body text of another story appended after a marker. */
  RELATED_BODY,
  /** An item of a list of other stories' headlines. */
  RELATED_LIST,
  /** A promotion: app, newsletter, social channels, subscriptions. */
  PROMO,
  /** A photo caption or image credit. */
  CAPTION,
  /** A date or time line. */
  TIMESTAMP,
  /** Site navigation: menus, breadcrumbs, section links. */
  NAVIGATION,
  /** Copyright, terms, privacy and cookie notices. */
  LEGAL,
  /** Other boilerplate (share and comment widgets, counters, lines a source repeats). */
  OTHER;

  /** The label used in files and output: lower case with hyphens, e.g. {@code exact-duplicate}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for the four duplicate kinds. */
  public boolean isDuplicate() {
    return ordinal() <= CONCATENATION.ordinal();
  }

  /** The kind with the given {@link #label()} (or constant name). */
  public static RemovalKind ofLabel(String label) {
    if (label == null) {
      throw new IllegalArgumentException("removal kind label is null");
    }
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown removal kind '" + label + "'", e);
    }
  }
}
