package io.github.syndic.dup;

import io.github.syndic.Block;
import io.github.syndic.Removal;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds blocks of one document that repeat other blocks of it: exact, near, contained and
 * concatenated copies.
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicateDetector {
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

  /** The settings. */
  public DuplicateConfig config() {
    return config;
  }

  /**
   * Finds the duplicate blocks among those with {@code eligible[block.index()]} true. Every
   * removal's twin (and covering blocks) is an eligible block that is not itself removed.
   *
   * @return removals of duplicate kinds, in block order
   */
  public List<Removal> detect(List<Block> blocks, boolean[] eligible) {
    return new ArrayList<>();
  }
}
