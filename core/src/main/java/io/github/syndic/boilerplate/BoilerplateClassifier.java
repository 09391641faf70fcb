package io.github.syndic.boilerplate;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.PageStructure;
import io.github.syndic.doc.Removal;
import io.github.syndic.internal.DocumentView;
import io.github.syndic.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Labels the blocks of a document that are site furniture rather than article.
 *
 * <p>Signals, in the order they are applied (each removal's reason names the one that fired):
 *
 * <ol>
 *   <li>cue phrases of the {@link Lexicon} (whole line, line prefix, anywhere), matched on the
 *       normalized view, so spelling variants match; bylines (a byline cue and a name);
 *   <li>patterns: related-card photo credits ('... - Agency, 1920, 21.12.2025'), date/time lines
 *       (numeric dates, clock times, month names, relative days, digits of any script), photo
 *       credits, menus and breadcrumbs, rows of share or legal links, counters ('14 comments'),
 *       URL and e-mail lines, all-caps menus;
 *   <li>the source's {@link TemplateModel}: blocks the source repeats in many documents;
 *   <li>context: a short block between a caption and a timestamp (or between two boilerplate
 *       blocks, once the article has started) is a related card's headline; after a strong tail
 *       marker (tags, a standalone 'read also', 'similar articles') come the headline, the body
 *       of another story and lists of headlines; a paragraph ends the tail when it follows the
 *       marker directly or a list of several headlines, or, after one headline, when it shares
 *       much more vocabulary with the article than with the tail;
 *   <li>with {@link BoilerplateConfig#pageLayout()} (whole scraped pages): the region with the
 *       most running text (long lines with sentence punctuation and stopwords, not repeated on
 *       the page) is the article; short lines outside it are navigation and long ones other
 *       boilerplate.
 * </ol>
 *
 * <p>The rules live in {@code LineRules}, {@code ContextRules} and {@code PageLayout}, over the
 * per-block features of {@code BlockInfo}; each labels through one entry of the {@code Rule}
 * table, which gives the kind and the confidence.
 *
 * <p>Immutable and thread-safe.
 */
public final class BoilerplateClassifier {
  private final BoilerplateConfig config;
  private final Lexicon lexicon;
  private final TextNormalizer normalizer = TextNormalizer.defaults();
  private final LineRules lineRules;
  /**
   * This classifier's slot in a document's view: the features (tokens, cue hits, line rules)
   * depend on the lexicon alone, not on the other settings, so the classifiers of one lexicon
   * share the lexicon's slot (the cleaner runs its page classifier, then its article classifier,
   * over the blocks of one pass: each block's features are computed once).
   */
  private final DocumentView.Key<BlockInfo> features;

  private BoilerplateClassifier(BoilerplateConfig config) {
    this.config = config;
    this.lexicon = config.lexicon();
    this.lineRules = new LineRules(lexicon, normalizer);
    DocumentView.Key<BlockInfo> shared = lexicon.featuresKey();
    this.features = shared != null ? shared
        : new DocumentView.Key<>("boilerplate features", BlockInfo.class);
  }

  /** A classifier with the given settings. */
  public static BoilerplateClassifier create(BoilerplateConfig config) {
    if (config == null) {
      throw new NullPointerException("config");
    }
    return new BoilerplateClassifier(config);
  }

  /** A classifier with {@link BoilerplateConfig#defaults()}. */
  public static BoilerplateClassifier defaults() {
    return create(BoilerplateConfig.defaults());
  }

  /** The settings. */
  public BoilerplateConfig config() {
    return config;
  }

  /**
   * Classifies the blocks of one document.
   *
   * @param blocks the document's blocks, in order (or an in-order subset of them: the rules read
   *     neighbours by position in this list)
   * @param model what the document's source repeats, or null
   * @return one removal per boilerplate block, in block order
   */
  public List<Removal> classify(List<Block> blocks, TemplateModel model) {
    return classify(blocks, model, null);
  }

  /**
   * {@link #classify(List, TemplateModel)} of the blocks of an HTML page: with {@code structure},
   * the {@code StructureRules} find the article element and the furniture inside it (they replace
   * the page layout's densest text region); the other rules run as for text.
   *
   * <p>The {@link io.github.syndic.Cleaner} hands its blocks with the document's internal view
   * (normalized texts, and the per-block features an earlier pass of this classifier computed):
   * a later pass over the blocks still kept pays for the context rules only. The result is the
   * same as for any other list of the same blocks.
   *
   * @param structure the page's structure (its block numbers are the blocks' {@link
   *     Block#index()}), or null for text
   */
  public List<Removal> classify(List<Block> blocks, TemplateModel model, PageStructure structure) {
    Objects.requireNonNull(blocks, "blocks");
    DocumentView view = DocumentView.carriedBy(blocks);
    int n = blocks.size();
    BlockInfo[] info = new BlockInfo[n];
    for (int i = 0; i < n; i++) {
      Block block = blocks.get(i);
      BlockInfo b = view == null ? null : reusable(view.get(features, block), model != null);
      if (b != null) {
        // a block the local rules kept: only the context state is recomputed
        b.resetContext();
        info[i] = b;
        continue;
      }
      b = BlockInfo.of(block,
          view == null ? normalizer.normalize(block.text()) : view.normalized(block), lexicon);
      info[i] = b;
      // the line rules read the block alone; after them the normalized view (offsets and all)
      // is dropped, so that it dies young on documents of very many lines
      lineRules.apply(b);
      if (model != null && !b.norm.isEmpty()) {
        b.fingerprint = TemplateModel.fingerprint(b.nt);
        b.hasFingerprint = true;
      }
      b.nt = null;
      b.tokenHashes = null;
      if (view != null && b.kind == null) {
        view.put(features, block, b);
      }
    }
    BlockInfo.markRepeats(info);
    int lang = BlockInfo.documentLanguage(info, lexicon);
    for (BlockInfo b : info) {
      b.stopShare = BlockInfo.stopShare(b, lang);
    }
    LineRules.commentAuthors(info);
    if (model != null) {
      for (BlockInfo b : info) {
        if (b.kind == null && !b.norm.isEmpty()) {
          long fp = b.fingerprint;
          if (model.isTemplate(fp)) {
            Rule.TEMPLATE.apply(b,
                "recurs in " + model.count(fp) + " of " + model.documents()
                    + " documents of the source");
          }
        }
      }
    }
    int[] region = {0, n - 1};
    if (structure != null) {
      StructureRules.apply(info, structure);
    }
    boolean pageLayout = config.pageLayout() && structure == null;
    if (config.contextRules()) {
      ContextRules.capsMenus(info);
      ContextRules.cards(info);
    }
    if (pageLayout) {
      region = PageLayout.mainRegion(info);
    }
    if (config.contextRules()) {
      ContextRules.tail(info, lang, region[0]);
    }
    if (pageLayout) {
      PageLayout.dropOutside(info, region);
    }
    if (pageLayout || structure != null) {
      OrphanHeadings.apply(info, structure);
    }
    List<Removal> out = new ArrayList<>();
    for (BlockInfo b : info) {
      if (b.kind != null) {
        out.add(Removal.boilerplate(b.block, b.kind, b.score(), b.reason));
      }
    }
    return out;
  }

  /**
   * Features kept in a view from an earlier call, when still usable: not when a model is given now
   * and they were computed without one (no fingerprint).
   */
  private static BlockInfo reusable(BlockInfo b, boolean needFingerprint) {
    boolean fingerprinted = b != null && (b.hasFingerprint || b.norm.isEmpty());
    return b != null && (fingerprinted || !needFingerprint) ? b : null;
  }
}
