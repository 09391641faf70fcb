package io.github.syndic.boilerplate;

import io.github.syndic.Block;
import io.github.syndic.Removal;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels the blocks of a document that are site furniture rather than article.
 *
 * <p>Immutable and thread-safe.
 */
public final class BoilerplateClassifier {
  private final BoilerplateConfig config;

  private BoilerplateClassifier(BoilerplateConfig config) {
    this.config = config;
  }

  /** A classifier with the given settings. */
  public static BoilerplateClassifier create(BoilerplateConfig config) {
    if (config == null) {
      throw new NullPointerException("config");
    }
    return new BoilerplateClassifier(config);
  }

  /** The settings. */
  public BoilerplateConfig config() {
    return config;
  }

  /**
   * Classifies the blocks of one document.
   *
   * @param blocks the document's blocks
   * @param model what the document's source repeats, or null
   * @return one removal per boilerplate block, in block order
   */
  public List<Removal> classify(List<Block> blocks, TemplateModel model) {
    return new ArrayList<>();
  }
}
