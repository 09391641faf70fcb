package io.github.syndic.boilerplate;

import java.io.Serializable;

/**
 * Settings of the boilerplate classifier.
 *
 * <p>Immutable and thread-safe.
 *
 * @param contextRules whether context rules (cards, tails after markers) apply
 */
public record BoilerplateConfig(boolean contextRules) implements Serializable {
  /** The defaults. */
  public static BoilerplateConfig defaults() {
    return new BoilerplateConfig(true);
  }
}
