package io.github.syndic.dup;

import java.io.Serializable;

/**
 * Settings of the in-document duplicate detector.
 *
 * <p>Immutable and thread-safe.
 *
 * @param keepPolicy which copy of a duplicated block survives
 */
public record DuplicateConfig(KeepPolicy keepPolicy) implements Serializable {
  /** Checks the arguments. */
  public DuplicateConfig {
    if (keepPolicy == null) {
      throw new NullPointerException("keepPolicy");
    }
  }

  /** The defaults: {@link KeepPolicy#standard()}. */
  public static DuplicateConfig defaults() {
    return new DuplicateConfig(KeepPolicy.standard());
  }
}
