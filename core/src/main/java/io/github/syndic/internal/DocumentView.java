package io.github.syndic.internal;

import io.github.syndic.doc.Block;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The matching view of one document, computed once and handed down the cleaner's stages: the
 * normalized text of each block ({@link TextNormalizer#defaults()}, the view both stages match
 * on), and the per-block features that each stage keeps across the cleaner's passes, under a
 * {@link Key} of its own. A block's text is normalized once per document however many stages and
 * passes read it; a later pass over the blocks still kept reuses the stages' features and pays for
 * the context rules only.
 *
 * <p>The view travels with the blocks, so that no public signature names it: the cleaner hands the
 * stages {@link #carrying(List)} (a read-only list of the blocks that carries this view) through
 * their public {@code classify}/{@code detect}, and a stage takes the view back with {@link
 * #carriedBy(List)}; any other list of blocks is looked at from scratch, with the same result.
 *
 * <p>Internal: {@link io.github.syndic.Cleaner} makes one per {@code clean} call. Not part of the
 * library's API (this package is not exported; its types may change in any release). Mutable and
 * not thread-safe: one document, one thread.
 */
public final class DocumentView {
  private static final TextNormalizer NORMALIZER = TextNormalizer.defaults();

  /**
   * Most chars of a document whose normalized texts are kept for the whole pass: 4,000,000. A
   * normalized text with its offsets takes 6 to 10 bytes per char (the chars plus an offset into
   * the original at its start, and at its end when that is not start + 1), so a document of 100
   * MB would hold up to a gigabyte of them; above this size each request normalizes the block
   * again (the boilerplate stage and the duplicate stage each ask once per block and pass, so the
   * cost is one more normalization, which is a few percent of the cleaning). The same bound as {@link
   * io.github.syndic.dup.DuplicateDetector#SEGMENT_CHARS}, above which the duplicate stage keeps
   * its per-block features for one segment only.
   */
  public static final int MAX_CACHED_CHARS = 4_000_000;

  private final Block[] blocks;
  /** The kept normalized texts; null when the document is over {@link #MAX_CACHED_CHARS}. */
  private final NormalizedText[] normalized;
  private Key<?>[] keys = new Key<?>[0];
  private Object[][] values = new Object[0][];

  private DocumentView(Block[] blocks, boolean cache) {
    this.blocks = blocks;
    this.normalized = cache ? new NormalizedText[blocks.length] : null;
  }

  /**
   * A view of the document cut into {@code blocks}: all of its blocks, in order (block i has index
   * i, as {@link io.github.syndic.text.BlockSegmenter} makes them).
   *
   * @throws IllegalArgumentException if a block's index is not its position
   */
  public static DocumentView of(List<Block> blocks) {
    Block[] b = blocks.toArray(new Block[0]);
    long chars = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i].index() != i) {
        throw new IllegalArgumentException(
            "block at position " + i + " has index " + b[i].index() + "; a view needs all blocks");
      }
      chars += b[i].text().length();
    }
    return new DocumentView(b, chars <= MAX_CACHED_CHARS);
  }

  /**
   * Checks that every block of {@code subset} is one of this document's blocks (the very same
   * object), so that nothing computed for one document is used for another.
   *
   * @throws IllegalArgumentException naming the first block that is not
   */
  public void check(List<Block> subset) {
    for (Block b : subset) {
      int i = b.index();
      if (i < 0 || i >= blocks.length || blocks[i] != b) {
        throw new IllegalArgumentException(
            "block " + i + " (line " + b.line() + ") is not a block of this view's document");
      }
    }
  }

  /**
   * {@code subset} (blocks of this document, in order) as a read-only list that carries this view
   * to the stages it is handed to.
   *
   * @throws IllegalArgumentException naming the first block that is not of this document
   */
  public List<Block> carrying(List<Block> subset) {
    check(subset);
    return new Carrier(this, subset.toArray(new Block[0]));
  }

  /** The view that {@code blocks} carries (a list made by {@link #carrying}), or null. */
  public static DocumentView carriedBy(List<Block> blocks) {
    return blocks instanceof Carrier c ? c.view : null;
  }

  /** A read-only list of blocks that carries the view of their document. */
  private static final class Carrier extends AbstractList<Block> implements RandomAccess {
    private final DocumentView view;
    private final Block[] blocks;

    Carrier(DocumentView view, Block[] blocks) {
      this.view = view;
      this.blocks = blocks;
    }

    @Override
    public Block get(int i) {
      return blocks[i];
    }

    @Override
    public int size() {
      return blocks.length;
    }
  }

  /**
   * The normalized text of {@code b} (a block of this document), computed on first use and kept
   * until {@link #releaseNormalized()} (computed on each call in a document of more than {@link
   * #MAX_CACHED_CHARS}).
   */
  public NormalizedText normalized(Block b) {
    if (normalized == null) {
      return NORMALIZER.normalize(b.text());
    }
    int i = b.index();
    NormalizedText nt = normalized[i];
    if (nt == null) {
      nt = NORMALIZER.normalize(b.text());
      normalized[i] = nt;
    }
    return nt;
  }

  /**
   * Drops the normalized texts (with their offsets, several times the text's size); the stages'
   * features stay. The cleaner calls it after each pass, when the stages have drawn what they
   * keep from them.
   */
  public void releaseNormalized() {
    if (normalized != null) {
      java.util.Arrays.fill(normalized, null);
    }
  }

  /** What the stage owning {@code key} keeps for {@code b}, or null. */
  public <T> T get(Key<T> key, Block b) {
    Object[] v = slot(key, false);
    return v == null ? null : key.type.cast(v[b.index()]);
  }

  /** Keeps {@code value} for {@code b} under {@code key} (null forgets it). */
  public <T> void put(Key<T> key, Block b, T value) {
    slot(key, true)[b.index()] = value;
  }

  private Object[] slot(Key<?> key, boolean create) {
    for (int k = 0; k < keys.length; k++) {
      if (keys[k] == key) {
        return values[k];
      }
    }
    if (!create) {
      return null;
    }
    int k = keys.length;
    keys = java.util.Arrays.copyOf(keys, k + 1);
    values = java.util.Arrays.copyOf(values, k + 1);
    keys[k] = key;
    values[k] = new Object[blocks.length];
    return values[k];
  }

  /**
   * The slot of one stage's per-block features in a view, compared by identity: a stage whose
   * features depend on its settings holds a key per instance, so that two stages sharing a view
   * never read each other's features. Immutable and thread-safe.
   *
   * @param <T> the type of the features
   */
  public static final class Key<T> {
    private final String name;
    private final Class<T> type;

    /** A new slot named {@code name} (for messages) holding values of {@code type}. */
    public Key(String name, Class<T> type) {
      this.name = java.util.Objects.requireNonNull(name, "name");
      this.type = java.util.Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return "Key[" + name + "]";
    }
  }
}
