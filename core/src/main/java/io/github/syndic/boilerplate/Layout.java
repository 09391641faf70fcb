package io.github.syndic.boilerplate;

import java.util.Locale;

/**
 * How a document is laid out, which decides how the boilerplate stage reads it.
 *
 * <p>Immutable and thread-safe.
 */
public enum Layout {
  /**
   * An article with some furniture around it (a crawler's extracted text, a feed item): every
   * line is article unless a cue, a pattern or its context says otherwise.
   */
  ARTICLE,
  /**
   * A whole scraped page (menus, teasers, lists and footers around one article): only the densest
   * region of running text is the article, see {@link BoilerplateConfig#pageLayout()}.
   */
  PAGE,
  /**
   * Chosen per document by {@link LayoutDetector} from simple block statistics; the default. A
   * result never carries this value, only the layout that was chosen.
   */
  AUTO;

  /** The label used on the command line and in output: {@code article}, {@code page}, {@code auto}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The layout with this label (case-insensitive); an unknown label is an
   * {@link IllegalArgumentException} naming it.
   */
  public static Layout parse(String label) {
    if (label != null) {
      for (Layout l : values()) {
        if (l.label().equalsIgnoreCase(label.trim())) {
          return l;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown layout '" + label + "' (expected article, page or auto)");
  }
}
