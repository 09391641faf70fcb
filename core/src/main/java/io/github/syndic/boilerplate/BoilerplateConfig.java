package io.github.syndic.boilerplate;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of the boilerplate classifier.
 *
 * <p>Immutable and thread-safe.
 *
 * @param contextRules whether context rules (cards, tails after markers) apply
 * @param pageLayout whether the input is a whole scraped page (menus, teasers and footers around
 *     one article) rather than an article with some furniture: then only the densest region of
 *     running text is kept, see {@link BoilerplateClassifier}
 * @param lexicon the cue phrases (the built-in ones, possibly extended by the user)
 */
public record BoilerplateConfig(boolean contextRules, boolean pageLayout, Lexicon lexicon)
    implements Serializable {

  /** Checks the arguments. */
  public BoilerplateConfig {
    Objects.requireNonNull(lexicon, "lexicon");
  }

  /** Built-in lexicon of all languages, loaded once (immutable, shared by every default config). */
  private static final class Builtin {
    static final Lexicon LEXICON = Lexicon.builtin();
  }

  /** The defaults: context rules on, article layout, built-in cues of all languages. */
  public static BoilerplateConfig defaults() {
    return new BoilerplateConfig(true, false, Builtin.LEXICON);
  }

  /** The defaults for whole scraped pages ({@link #pageLayout()} on). */
  public static BoilerplateConfig pages() {
    return defaults().withPageLayout(true);
  }

  /** A copy with context rules on or off. */
  public BoilerplateConfig withContextRules(boolean on) {
    return new BoilerplateConfig(on, pageLayout, lexicon);
  }

  /** A copy with the page layout on or off. */
  public BoilerplateConfig withPageLayout(boolean on) {
    return new BoilerplateConfig(contextRules, on, lexicon);
  }

  /** A copy whose lexicon also holds the entries of {@code extra} (e.g. a user cue file). */
  public BoilerplateConfig withExtraCues(Lexicon extra) {
    return new BoilerplateConfig(contextRules, pageLayout, lexicon.with(extra));
  }

  /** A copy with exactly this lexicon. */
  public BoilerplateConfig withLexicon(Lexicon l) {
    return new BoilerplateConfig(contextRules, pageLayout, l);
  }
}
