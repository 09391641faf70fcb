package io.github.syndic;

import io.github.syndic.boilerplate.BoilerplateConfig;
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

  private CleanerConfig(
      boolean duplicates,
      boolean boilerplate,
      DuplicateConfig duplicateConfig,
      BoilerplateConfig boilerplateConfig,
      TemplateModel template) {
    this.duplicates = duplicates;
    this.boilerplate = boilerplate;
    this.duplicateConfig = Objects.requireNonNull(duplicateConfig, "duplicateConfig");
    this.boilerplateConfig = Objects.requireNonNull(boilerplateConfig, "boilerplateConfig");
    this.template = template;
  }

  /** The preset for scraped news: duplicates and boilerplate removed with default settings. */
  public static CleanerConfig news() {
    return new CleanerConfig(
        true, true, DuplicateConfig.defaults(), BoilerplateConfig.defaults(), null);
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

  /** A copy with the duplicate stage on or off. */
  public CleanerConfig withDuplicates(boolean on) {
    return new CleanerConfig(on, boilerplate, duplicateConfig, boilerplateConfig, template);
  }

  /** A copy with the boilerplate stage on or off. */
  public CleanerConfig withBoilerplate(boolean on) {
    return new CleanerConfig(duplicates, on, duplicateConfig, boilerplateConfig, template);
  }

  /** A copy with other duplicate settings. */
  public CleanerConfig withDuplicateConfig(DuplicateConfig c) {
    return new CleanerConfig(duplicates, boilerplate, c, boilerplateConfig, template);
  }

  /** A copy with other boilerplate settings. */
  public CleanerConfig withBoilerplateConfig(BoilerplateConfig c) {
    return new CleanerConfig(duplicates, boilerplate, duplicateConfig, c, template);
  }

  /** A copy that applies a learned source template (null for none). */
  public CleanerConfig withTemplate(TemplateModel t) {
    return new CleanerConfig(duplicates, boilerplate, duplicateConfig, boilerplateConfig, t);
  }
}
