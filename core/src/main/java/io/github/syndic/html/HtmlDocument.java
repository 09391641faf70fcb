package io.github.syndic.html;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.PageMetadata;
import io.github.syndic.doc.PageStructure;
import java.util.List;

/**
 * An HTML page read into blocks: {@link #text()} holds one line per block (the visible text of a
 * block-level element, white space collapsed), {@link #blocks()} are the lines of that text as
 * {@link io.github.syndic.text.BlockSegmenter} would cut them, and {@link #structure()} holds, per
 * block, the element behind it and its range in the HTML source.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the page's visible text, one block per line, each line ended by a line feed
 * @param blocks the blocks of {@code text}, in reading order
 * @param structure the elements behind the blocks
 * @param metadata title, date, author, language, site
 */
public record HtmlDocument(
    String text, List<Block> blocks, PageStructure structure, PageMetadata metadata) {
  /** Checks the arguments. */
  public HtmlDocument {
    java.util.Objects.requireNonNull(text, "text");
    blocks = List.copyOf(blocks);
    java.util.Objects.requireNonNull(structure, "structure");
    java.util.Objects.requireNonNull(metadata, "metadata");
    if (structure.blocks() != blocks.size()) {
      throw new IllegalArgumentException(
          blocks.size() + " blocks but structure for " + structure.blocks());
    }
  }
}
