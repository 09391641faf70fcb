package io.github.syndic;

import io.github.syndic.doc.Removal;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.PageMetadata;
import io.github.syndic.doc.PageStructure;
import io.github.syndic.html.HtmlCharset;
import io.github.syndic.html.HtmlDocument;
import io.github.syndic.html.HtmlReader;
import java.nio.charset.Charset;

import io.github.syndic.boilerplate.BoilerplateClassifier;
import io.github.syndic.boilerplate.Layout;
import io.github.syndic.boilerplate.LayoutDetector;
import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.dup.DuplicateDetector;
import io.github.syndic.internal.DocumentView;
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
 * <p>The flow: the text is cut into line blocks; the layout is chosen ({@link
 * CleanerConfig#layout()}, by default per document by {@link LayoutDetector}); the boilerplate
 * stage labels site furniture;
 * the duplicate stage then looks for repeats among the remaining blocks, so that a twin is always
 * a kept block. The kept lines are returned unchanged, in their original order.
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads.
 */
public final class Cleaner {
  private final CleanerConfig config;
  private final DuplicateDetector duplicates;
  private final BoilerplateClassifier articleBoilerplate;
  private final BoilerplateClassifier pageBoilerplate;

  private Cleaner(CleanerConfig config) {
    this.config = config;
    this.duplicates = DuplicateDetector.create(config.duplicateConfig());
    this.articleBoilerplate =
        BoilerplateClassifier.create(config.boilerplateConfig().withPageLayout(false));
    this.pageBoilerplate =
        BoilerplateClassifier.create(config.boilerplateConfig().withPageLayout(true));
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
    return clean(original, BlockSegmenter.lines(original), template, null, PageMetadata.NONE);
  }

  /**
   * Cleans an HTML page: its blocks are the visible text of its block-level elements (see {@link
   * HtmlReader}), judged by the same stages as text plus the rules that read the page's
   * structure. The result's {@link CleanResult#original()} is the page's visible text (one block
   * per line); {@link CleanResult#metadata()} holds its title, date, author and language.
   *
   * @param html the page; null is treated as empty
   * @param baseUri the page's address, or null or empty
   */
  public CleanResult cleanHtml(String html, String baseUri) {
    return cleanHtml(HtmlReader.read(html, baseUri), config.template());
  }

  /**
   * {@link #cleanHtml(String, String)} of undecoded bytes: the charset is {@code charset} when
   * given, else found as {@link HtmlCharset#detect} says (BOM, {@code <meta charset>}, {@code
   * http-equiv}, then the bytes).
   */
  public CleanResult cleanHtml(byte[] html, Charset charset, String baseUri) {
    return cleanHtml(HtmlCharset.decode(html, charset), baseUri);
  }

  /** Cleans a page read by {@link HtmlReader}, applying {@code template} (null for none). */
  public CleanResult cleanHtml(HtmlDocument page, TemplateModel template) {
    return clean(page.text(), page.blocks(), template, page.structure(), page.metadata());
  }

  private CleanResult clean(String original, List<Block> all, TemplateModel template,
      PageStructure structure, PageMetadata metadata) {
    // Blocks over maxBlockChars are kept unexamined; the stages see the others only.
    int max = config.maxBlockChars();
    List<Block> analyzed = new ArrayList<>(all.size());
    for (Block b : all) {
      if (b.text().length() <= max) {
        analyzed.add(b);
      }
    }
    // HTML needs no layout detection: its structure tells the article from the page around it
    boolean auto = config.layout() == Layout.AUTO && structure == null;
    Layout layout = auto ? LayoutDetector.detect(analyzed)
        : config.layout() == Layout.AUTO ? Layout.ARTICLE : config.layout();
    BoilerplateClassifier boilerplate = layout == Layout.PAGE ? pageBoilerplate
        : articleBoilerplate;
    Removal[] removedBy = new Removal[all.size()];
    // The document's matching view: each block normalized once for both stages, and the stages'
    // per-block features kept across the passes (a later pass recomputes the context only; the
    // article and page classifiers share theirs: they depend on the lexicon alone).
    DocumentView view = DocumentView.of(all);
    List<Block> current = analyzed;
    for (int pass = 0; pass < MAX_PASSES && !current.isEmpty(); pass++) {
      List<Removal> found = stages(current, boilerplate, template, structure, view);
      if (found.isEmpty() && boilerplate != articleBoilerplate) {
        // A page's article is also cleaned as an article: the cleaned text, which the detector
        // may well call an article, then cleans to itself (idempotence).
        found = stages(current, articleBoilerplate, template, structure, view);
      }
      view.releaseNormalized();
      if (found.isEmpty()) {
        break;
      }
      for (Removal r : found) {
        removedBy[r.block().index()] = r;
      }
      List<Block> rest = new ArrayList<>(current.size() - found.size());
      for (Block b : current) {
        if (removedBy[b.index()] == null) {
          rest.add(b);
        }
      }
      current = rest;
      if (auto && layout == Layout.ARTICLE && LayoutDetector.detect(current) == Layout.PAGE) {
        // What is left of the article is page-like (repeats and long tails went, furniture
        // stayed): read it as a page, so that the cleaned text cleans to itself.
        layout = Layout.PAGE;
        boilerplate = pageBoilerplate;
      }
    }
    List<Removal> removals = new ArrayList<>();
    for (Removal r : removedBy) {
      if (r != null) {
        removals.add(settle(r, removedBy));
      }
    }
    return new CleanResult(original, all, removals, structure, metadata, layout);
  }

  /**
   * Most passes of the stages over the blocks that are still kept. The stages look at their
   * neighbours (a tail after a marker, a blob and its pieces), so removing blocks can expose more:
   * the cleaner repeats them on the kept blocks until nothing more goes, which makes cleaning
   * idempotent ({@code clean(clean(x).text()).text() == clean(x).text()}). On the seeds, the test
   * pages and the evaluation sets a second pass removes something in a few percent of documents
   * and a third pass never did; 4 bounds the cost on adversarial input.
   */
  public static final int MAX_PASSES = 4;

  /**
   * A removal whose twin or covering blocks were themselves removed in a later pass, re-pointed:
   * a duplicate twin is followed to its own kept twin; a twin removed as boilerplate makes this
   * block boilerplate of the same kind (it is a copy of furniture).
   */
  private static Removal settle(Removal r, Removal[] removedBy) {
    Block twin = r.twin();
    int guard = removedBy.length;
    while (twin != null && removedBy[twin.index()] != null && guard-- > 0) {
      Removal t = removedBy[twin.index()];
      if (!t.kind().isDuplicate()) {
        return Removal.boilerplate(r.block(), t.kind(), t.score(),
            "copy of line " + twin.line() + ", which is removed as " + t.kind().label() + "; "
                + r.reason());
      }
      twin = t.twin();
    }
    List<Block> covering = r.covering();
    boolean changed = twin != r.twin();
    if (!covering.isEmpty()) {
      List<Block> kept = new ArrayList<>(covering.size());
      for (Block c : covering) {
        Block k = c;
        int g = removedBy.length;
        while (k != null && removedBy[k.index()] != null && g-- > 0) {
          k = removedBy[k.index()].twin();
        }
        if (k != c) {
          changed = true;
        }
        if (k != null && !kept.contains(k)) {
          kept.add(k);
        }
      }
      covering = kept;
      if (twin == null || removedBy[twin.index()] != null) {
        twin = covering.isEmpty() ? null : covering.get(0);
      }
    }
    if (!changed) {
      return r;
    }
    return new Removal(r.block(), r.kind(), r.score(), twin, covering, r.reason());
  }

  /**
   * Runs the stages over {@code blocks} (any subset of a document's blocks, in order) and returns
   * their removals, in block order.
   */
  private List<Removal> stages(List<Block> blocks, BoilerplateClassifier boilerplate,
      TemplateModel template, PageStructure structure, DocumentView view) {
    // the stages take the view back from the list (DocumentView.carriedBy)
    blocks = view.carrying(blocks);
    boolean[] eligible = new boolean[blocks.size()];
    java.util.Arrays.fill(eligible, true);
    List<Removal> removals = new ArrayList<>();
    if (config.boilerplate()) {
      List<Removal> found = boilerplate.classify(blocks, template, structure);
      // both lists are in block order: walk them together to find each removal's position
      int pos = 0;
      for (Removal r : found) {
        while (blocks.get(pos) != r.block()) {
          pos++;
        }
        eligible[pos] = false;
        removals.add(r);
      }
    }
    if (config.duplicates()) {
      removals.addAll(duplicates.detect(blocks, eligible));
      removals.sort(Comparator.comparingInt(r -> r.block().index()));
    }
    return removals;
  }
}
