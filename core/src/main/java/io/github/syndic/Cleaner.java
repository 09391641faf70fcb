package io.github.syndic;

import io.github.syndic.boilerplate.BoilerplateClassifier;
import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.dup.DuplicateDetector;
import io.github.syndic.text.BlockSegmenter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The library facade: removes boilerplate and in-document duplicates from one text and explains
 * every removal.
 *
 * <pre>{@code
 * Cleaner cleaner = Cleaner.create(CleanerConfig.news());   // build once, share
 * CleanResult r = cleaner.clean(rawText);
 * String text = r.text();
 * }</pre>
 *
 * <p>The flow: the text is cut into line blocks; the boilerplate stage labels site furniture;
 * the duplicate stage then looks for repeats among the remaining blocks, so that a twin is always
 * a kept block. The kept lines are returned unchanged, in their original order.
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads.
 */
public final class Cleaner {
  private final CleanerConfig config;
  private final DuplicateDetector duplicates;
  private final BoilerplateClassifier boilerplate;

  private Cleaner(CleanerConfig config) {
    this.config = config;
    this.duplicates = DuplicateDetector.create(config.duplicateConfig());
    this.boilerplate = BoilerplateClassifier.create(config.boilerplateConfig());
  }

  /** A cleaner for the given configuration. */
  public static Cleaner create(CleanerConfig config) {
    if (config == null) {
      throw new NullPointerException("config");
    }
    return new Cleaner(config);
  }

  /** A cleaner with {@link CleanerConfig#news()}. */
  public static Cleaner news() {
    return create(CleanerConfig.news());
  }

  /** Cleans with the news preset, for one-off use (build a {@link Cleaner} to reuse). */
  public static CleanResult cleanText(CharSequence text) {
    return news().clean(text);
  }

  /** The configuration. */
  public CleanerConfig config() {
    return config;
  }

  /** Cleans {@code text} with the configured template (if any). Null is treated as empty. */
  public CleanResult clean(CharSequence text) {
    return clean(text, config.template());
  }

  /**
   * Cleans {@code text}, applying {@code template} (which overrides the configured one; null for
   * none).
   */
  public CleanResult clean(CharSequence text, TemplateModel template) {
    String original = text == null ? "" : text.toString();
    List<Block> all = BlockSegmenter.lines(original);
    // Blocks over maxBlockChars are kept unexamined; the stages see the others only.
    List<Block> blocks = all;
    int max = config.maxBlockChars();
    if (all.stream().anyMatch(b -> b.text().length() > max)) {
      blocks = new ArrayList<>();
      for (Block b : all) {
        if (b.text().length() <= max) {
          blocks.add(b);
        }
      }
    }
    if (blocks != all) {
      return cleanSubset(original, all, blocks, template);
    }
    return new CleanResult(original, all, stages(all, template));
  }

  private CleanResult cleanSubset(
      String original, List<Block> all, List<Block> subset, TemplateModel template) {
    // Re-index the analyzable blocks densely for the stages, then map removals back.
    List<Block> dense = new ArrayList<>(subset.size());
    for (Block b : subset) {
      dense.add(new Block(dense.size(), b.line(), b.start(), b.end(), b.text()));
    }
    List<Removal> mapped = new ArrayList<>();
    for (Removal r : stages(dense, template)) {
      List<Block> cov = new ArrayList<>();
      for (Block c : r.covering()) {
        cov.add(subset.get(c.index()));
      }
      mapped.add(
          new Removal(
              subset.get(r.block().index()),
              r.kind(),
              r.score(),
              r.twin() == null ? null : subset.get(r.twin().index()),
              cov,
              r.reason()));
    }
    return new CleanResult(original, all, mapped);
  }

  private List<Removal> stages(List<Block> blocks, TemplateModel template) {
    boolean[] eligible = new boolean[blocks.size()];
    java.util.Arrays.fill(eligible, true);
    List<Removal> removals = new ArrayList<>();
    if (config.boilerplate()) {
      for (Removal r : boilerplate.classify(blocks, template)) {
        removals.add(r);
        eligible[r.block().index()] = false;
      }
    }
    if (config.duplicates()) {
      removals.addAll(duplicates.detect(blocks, eligible));
    }
    removals.sort(Comparator.comparingInt(r -> r.block().index()));
    return removals;
  }
}
