package io.github.syndic;

import io.github.syndic.doc.RemovalKind;

import io.github.syndic.doc.Removal;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.PageMetadata;
import io.github.syndic.doc.PageStructure;

import io.github.syndic.boilerplate.Layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of cleaning one text: its blocks, the removed ones with their explanation, and the
 * kept text.
 *
 * <p>Immutable and thread-safe.
 */
public final class CleanResult {
  private final String original;
  private final List<Block> blocks;
  private final List<Removal> removals;
  private final Removal[] byBlock;
  private final Layout layout;

  private final PageStructure structure;
  private final PageMetadata metadata;

  CleanResult(String original, List<Block> blocks, List<Removal> removals) {
    this(original, blocks, removals, null, PageMetadata.NONE, Layout.ARTICLE);
  }

  CleanResult(String original, List<Block> blocks, List<Removal> removals,
      PageStructure structure, PageMetadata metadata, Layout layout) {
    if (layout == Layout.AUTO) {
      throw new IllegalArgumentException("a result carries the chosen layout, not auto");
    }
    this.structure = structure;
    this.metadata = metadata == null ? PageMetadata.NONE : metadata;
    this.original = original;
    this.layout = java.util.Objects.requireNonNull(layout, "layout");
    this.blocks = Collections.unmodifiableList(new ArrayList<>(blocks));
    this.removals = List.copyOf(removals);
    this.byBlock = new Removal[blocks.size()];
    for (Removal r : removals) {
      int i = r.block().index();
      if (byBlock[i] != null) {
        throw new IllegalStateException("block " + i + " removed twice: " + byBlock[i] + ", " + r);
      }
      byBlock[i] = r;
    }
  }

  /**
   * The structure behind the blocks of an HTML page (tag paths, link density, source offsets),
   * or null for text input.
   */
  public PageStructure structure() {
    return structure;
  }

  /** The page's metadata (title, date, author, language); {@link PageMetadata#NONE} for text. */
  public PageMetadata metadata() {
    return metadata;
  }

  /** The input text, unchanged; for HTML input, the page's visible text, one block per line. */
  public String original() {
    return original;
  }

  /**
   * The layout the document was read in: {@link Layout#ARTICLE} or {@link Layout#PAGE} (never
   * {@link Layout#AUTO}: with the automatic layout, the one the detector chose).
   */
  public Layout layout() {
    return layout;
  }

  /** Every block of the input, in order. */
  public List<Block> blocks() {
    return blocks;
  }

  /** The removed blocks with kind, score, twin and reason, in block order. */
  public List<Removal> removals() {
    return removals;
  }

  /** The removal of {@code block}, or null when it is kept. */
  public Removal removalOf(Block block) {
    return byBlock[block.index()];
  }

  /** True when {@code block} is kept. */
  public boolean isKept(Block block) {
    return byBlock[block.index()] == null;
  }

  /** The kept blocks, in order. */
  public List<Block> kept() {
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      if (byBlock[b.index()] == null) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * The cleaned text: the kept lines, unchanged, in their original order, each followed by a line
   * feed. Empty when nothing is kept.
   */
  public String text() {
    // String.join sizes the result exactly and builds it in place: a StringBuilder grown to a
    // 100 MB text, inflated to two bytes per char on the first non-Latin-1 char and then copied
    // by toString, held four times the text at its peak
    List<String> kept = new ArrayList<>(blocks.size() - removals.size() + 1);
    for (Block b : blocks) {
      if (byBlock[b.index()] == null) {
        kept.add(b.text());
      }
    }
    kept.add(""); // the last kept line's line feed
    return String.join("\n", kept);
  }

  /**
   * Writes {@link #text()} to {@code out} line by line, without building it: for a large
   * document, the output is not held a second time.
   *
   * @throws IOException as {@code out} throws it
   */
  public void writeText(Appendable out) throws IOException {
    for (Block b : blocks) {
      if (byBlock[b.index()] == null) {
        out.append(b.text()).append('\n');
      }
    }
  }

  /** Number of removed blocks per kind (kinds with none are absent). */
  public Map<RemovalKind, Integer> countsByKind() {
    Map<RemovalKind, Integer> m = new EnumMap<>(RemovalKind.class);
    for (Removal r : removals) {
      m.merge(r.kind(), 1, Integer::sum);
    }
    return m;
  }

  /** Texts of the removed blocks of the given kind (e.g. credits or tags, as metadata). */
  public List<String> textsOfKind(RemovalKind kind) {
    List<String> out = new ArrayList<>();
    for (Removal r : removals) {
      if (r.kind() == kind) {
        out.add(r.block().text());
      }
    }
    return out;
  }
}
