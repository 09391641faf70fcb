package io.github.syndic.boilerplate;

/**
 * What one source repeats across its documents. Placeholder until the template issue lands.
 *
 * <p>Immutable and thread-safe.
 */
public final class TemplateModel {
  private TemplateModel() {}
}
