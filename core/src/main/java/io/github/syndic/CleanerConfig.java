package io.github.syndic;

import io.github.syndic.boilerplate.BoilerplateConfig;
import io.github.syndic.boilerplate.Layout;
import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.dup.DuplicateConfig;
import java.util.Objects;

/**
 * What a {@link Cleaner} does: which stages run and their settings. Immutable and thread-safe;
 * the {@code with*} methods return modified copies.
 */
public final class CleanerConfig {
  private final boolean duplicates;
  private final boolean boilerplate;
  private final DuplicateConfig duplicateConfig;
  private final BoilerplateConfig boilerplateConfig;
  private final TemplateModel template;
  private final int maxBlockChars;
  private final Layout layout;

  /**
   * Default longest block (in chars) that is analyzed: 1,000,000. Real paragraphs, and even a blob
   * gluing a long feature's paragraphs, stay far below (a 10 KB article glued is 10,000 chars); a
   * longer line (a minified script, a 100 MB dump) is kept unanalyzed so that memory stays bounded.
   */
  public static final int DEFAULT_MAX_BLOCK_CHARS = 1_000_000;

  private CleanerConfig(
      boolean duplicates,
      boolean boilerplate,
      DuplicateConfig duplicateConfig,
      BoilerplateConfig boilerplateConfig,
      TemplateModel template,
      int maxBlockChars,
      Layout layout) {
    if (maxBlockChars < 1) {
      throw new IllegalArgumentException("maxBlockChars must be >= 1, got " + maxBlockChars);
    }
    this.maxBlockChars = maxBlockChars;
    this.duplicates = duplicates;
    this.boilerplate = boilerplate;
    this.duplicateConfig = Objects.requireNonNull(duplicateConfig, "duplicateConfig");
    this.boilerplateConfig = Objects.requireNonNull(boilerplateConfig, "boilerplateConfig");
    this.template = template;
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  /**
   * The preset for scraped news: duplicates and boilerplate removed with default settings, the
   * layout chosen per document ({@link Layout#AUTO}).
   */
  public static CleanerConfig news() {
    return new CleanerConfig(
        true,
        true,
        DuplicateConfig.defaults(),
        BoilerplateConfig.defaults(),
        null,
        DEFAULT_MAX_BLOCK_CHARS,
        Layout.AUTO);
  }

  /**
   * The preset for input known to be whole scraped pages (a crawler's pages saved as text): {@link
   * #news()} with the page layout forced ({@link Layout#PAGE}), so that every document's article
   * is its densest region of running text, even a short page that the layout detector would read
   * as an article. For mixed input (articles and pages) {@link #news()} chooses per document.
   */
  public static CleanerConfig pages() {
    return news().withLayout(Layout.PAGE);
  }

  /** Only in-document duplicates are removed. */
  public static CleanerConfig duplicatesOnly() {
    return news().withBoilerplate(false);
  }

  /** Whether duplicate blocks are removed. */
  public boolean duplicates() {
    return duplicates;
  }

  /** Whether boilerplate blocks are removed. */
  public boolean boilerplate() {
    return boilerplate;
  }

  /** Settings of the duplicate stage. */
  public DuplicateConfig duplicateConfig() {
    return duplicateConfig;
  }

  /** Settings of the boilerplate stage. */
  public BoilerplateConfig boilerplateConfig() {
    return boilerplateConfig;
  }

  /** The source template applied by the boilerplate stage, or null. */
  public TemplateModel template() {
    return template;
  }

  /**
   * Longest block analyzed, in chars; longer blocks are kept unchanged and unexamined (documented
   * result for pathological input such as a 100 MB single line).
   */
  public int maxBlockChars() {
    return maxBlockChars;
  }

  /**
   * How documents are laid out: {@link Layout#AUTO} (the default) lets {@link
   * io.github.syndic.boilerplate.LayoutDetector} choose per document; {@link Layout#ARTICLE} and
   * {@link Layout#PAGE} force one. The cleaner reads each document with {@link
   * #boilerplateConfig()} and its page layout set to the chosen layout ({@link
   * BoilerplateConfig#pageLayout()} of the configured settings is not used by a {@link Cleaner}).
   */
  public Layout layout() {
    return layout;
  }

  /** A copy with another {@link #layout()}. */
  public CleanerConfig withLayout(Layout l) {
    return new CleanerConfig(duplicates, boilerplate, duplicateConfig, boilerplateConfig, template,
        maxBlockChars, l);
  }

  /** A copy with another {@link #maxBlockChars()}. */
  public CleanerConfig withMaxBlockChars(int max) {
    return new CleanerConfig(duplicates, boilerplate, duplicateConfig, boilerplateConfig, template,
        max, layout);
  }

  /** A copy with the duplicate stage on or off. */
  public CleanerConfig withDuplicates(boolean on) {
    return new CleanerConfig(on, boilerplate, duplicateConfig, boilerplateConfig, template,
        maxBlockChars, layout);
  }

  /** A copy with the boilerplate stage on or off. */
  public CleanerConfig withBoilerplate(boolean on) {
    return new CleanerConfig(duplicates, on, duplicateConfig, boilerplateConfig, template,
        maxBlockChars, layout);
  }

  /** A copy with other duplicate settings. */
  public CleanerConfig withDuplicateConfig(DuplicateConfig c) {
    return new CleanerConfig(duplicates, boilerplate, c, boilerplateConfig, template,
        maxBlockChars, layout);
  }

  /** A copy with other boilerplate settings. */
  public CleanerConfig withBoilerplateConfig(BoilerplateConfig c) {
    return new CleanerConfig(duplicates, boilerplate, duplicateConfig, c, template,
        maxBlockChars, layout);
  }

  /** A copy that applies a learned source template (null for none). */
  public CleanerConfig withTemplate(TemplateModel t) {
    return new CleanerConfig(duplicates, boilerplate, duplicateConfig, boilerplateConfig, t,
        maxBlockChars, layout);
  }
}
