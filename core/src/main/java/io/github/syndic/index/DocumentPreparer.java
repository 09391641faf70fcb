package io.github.syndic.index;

import io.github.syndic.Cleaner;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.text.TextNormalizer;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * Document preparation, exactly as the index and {@code syndic dedup} do it: the document goes
 * through the {@link Cleaner} when {@link IndexConfig#clean()} is on, the lines its source repeats
 * (its {@link SourceTemplates}) are dropped from what the cleaner kept, and the result is signed
 * with {@link IndexConfig#spec()}.
 *
 * <p>A batch learns the templates first, from every document in {@link CanonicalOrder#INPUT_ORDER}
 * ({@link #learnTemplates}); learning is per source, so per-source models learned apart (each in
 * that order) and joined with {@link SourceTemplates#addAll} equal one model learned over the whole
 * batch. Then each document is prepared with the fixed model:
 *
 * <pre>{@code
 * DocumentPreparer prep = new DocumentPreparer(config);
 * SourceTemplates model = prep.newTemplates();
 * for (Doc d : docsInInputOrder) {
 *   model.learn(d.source(), prep.lineFingerprints(d.text()));
 * }
 * PreparedDoc p = prep.prepare(doc, model);   // any thread, any order
 * }</pre>
 *
 * <p>Immutable and thread-safe (the {@link Cleaner} and the hasher are); a {@link SourceTemplates}
 * passed to {@link #prepare} must not be written concurrently.
 */
public final class DocumentPreparer {
  private static final long[] NO_LINES = new long[0];

  private final IndexConfig config;
  private final Cleaner cleaner;
  private final MinHasher hasher;
  private final TextNormalizer normalizer;
  /** An empty model, only read: strips by a predicate ({@link SourceTemplates#strip(String, LongPredicate)}). */
  private final SourceTemplates stripper;

  /** A preparer for {@code config}'s cleaning, templates and spec. */
  public DocumentPreparer(IndexConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.cleaner = config.clean() ? Cleaner.create(config.cleaner()) : null;
    this.hasher = config.spec().hasher();
    this.normalizer = TextNormalizer.of(config.spec().normalizer());
    this.stripper = new SourceTemplates(normalizer);
  }

  /** The settings. */
  public IndexConfig config() {
    return config;
  }

  /** An empty template model (normalized with the spec's normalizer). */
  public SourceTemplates newTemplates() {
    return new SourceTemplates(normalizer);
  }

  /**
   * The distinct line fingerprints of a raw text, what {@link SourceTemplates#learn} counts; empty
   * when {@link IndexConfig#sourceTemplates()} is off.
   */
  public long[] lineFingerprints(String text) {
    return config.sourceTemplates() ? SourceTemplates.fingerprints(normalizer, text) : NO_LINES;
  }

  /**
   * The template model of a whole batch, learned from {@code docs} in their order (pass them in
   * {@link CanonicalOrder#INPUT_ORDER}); null when {@link IndexConfig#sourceTemplates()} is off.
   */
  public SourceTemplates learnTemplates(Iterable<Doc> docs) {
    if (!config.sourceTemplates()) {
      return null;
    }
    SourceTemplates model = newTemplates();
    for (Doc d : docs) {
      model.learn(d.source(), lineFingerprints(d.text()));
    }
    return model;
  }

  /**
   * Prepares a raw document with a fixed template model (null or templates off: none): clean,
   * strip, sign. The result carries no line fingerprints (nothing is learned from it when added).
   */
  public PreparedDoc prepare(Doc doc, SourceTemplates templates) {
    return prepare(doc, templates, NO_LINES);
  }

  /**
   * {@link #prepare(Doc, SourceTemplates)} with the document's template lines given as a predicate
   * on line fingerprints (what a distributed run broadcasts instead of the model: {@link
   * SourceTemplates#templateLines} of the document's source; null: none): clean, strip, sign.
   */
  public PreparedDoc prepareStripping(Doc doc, LongPredicate templateLine) {
    Objects.requireNonNull(doc, "doc");
    String text = clean(doc.text());
    if (templateLine != null && config.sourceTemplates()) {
      text = stripper.strip(text, templateLine);
    }
    return signCleaned(doc, text, NO_LINES);
  }

  PreparedDoc prepare(Doc doc, SourceTemplates templates, long[] lineFingerprints) {
    Objects.requireNonNull(doc, "doc");
    // Clean first, then strip the template lines that remain: a source's 'read also' and list
    // markers recur on many of its pages, and stripped before cleaning they would hide the
    // context that tells the cleaner where another story's body starts (issue 15).
    String text = clean(doc.text());
    if (templates != null && config.sourceTemplates()) {
      text = templates.strip(doc.source(), text);
    }
    return signCleaned(doc, text, lineFingerprints);
  }

  /** The text the {@link Cleaner} keeps of a raw text (unchanged when cleaning is off). */
  String clean(String text) {
    return cleaner == null ? text : cleaner.clean(text).text();
  }

  /** Signs an already cleaned text as the document's. */
  PreparedDoc signCleaned(Doc doc, String cleaned, long[] lineFingerprints) {
    return new PreparedDoc(doc.id(), doc.timestamp(), doc.source(), hasher.sign(cleaned),
        cleaned.length(), lineFingerprints);
  }
}
