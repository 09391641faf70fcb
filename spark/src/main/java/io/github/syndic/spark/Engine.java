package io.github.syndic.spark;

import io.github.syndic.index.Banding;
import io.github.syndic.index.CanonicalOrder;
import io.github.syndic.index.Doc;
import io.github.syndic.index.DocumentPreparer;
import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.PreparedDoc;
import io.github.syndic.index.SourceTemplates;
import io.github.syndic.index.Verifier;
import io.github.syndic.minhash.Signature;
import java.time.Instant;
import java.util.function.LongPredicate;

/**
 * The one place where the Spark job calls the library's decisions, all through its public batch
 * seam: document preparation ({@link DocumentPreparer}: line fingerprints, cleaning, template
 * stripping, signing), the band keys and the candidate rule ({@link Banding}), the verification of
 * a pair and the round-up rule ({@link Verifier}), the canonical order ({@link CanonicalOrder}).
 * Everything else in this module moves data. Made once per partition from {@link
 * DedupSettings}.
 *
 * <p>Not thread-safe (one per task).
 */
final class Engine {
  /** Source key of documents without a source (one template group, as in the library). */
  static final String NO_SOURCE = "";

  final IndexConfig config;
  private final DedupSettings settings;
  private final DocumentPreparer preparer;
  private final Banding banding;
  private final Verifier verifier;
  private final CanonicalOrder order;

  Engine(DedupSettings settings) {
    this.settings = settings;
    this.config = settings.config();
    this.preparer = new DocumentPreparer(config);
    this.banding = Banding.of(config);
    this.verifier = new Verifier(config);
    this.order = CanonicalOrder.of(config);
  }

  DedupSettings settings() {
    return settings;
  }

  static String sourceKey(String source) {
    return source == null ? NO_SOURCE : source;
  }

  /** Distinct fingerprints of the lines of a raw text (what a source's template counts). */
  long[] fingerprints(String text) {
    return preparer.lineFingerprints(text);
  }

  /** An empty template model (the spec's normalizer). */
  SourceTemplates newTemplates() {
    return preparer.newTemplates();
  }

  /**
   * Prepares a raw document as the library does: cleans it (when on), drops the lines {@code
   * templateLine} says are its source's template (null: none), signs.
   */
  PreparedDoc prepare(String id, String text, Instant time, String source,
      LongPredicate templateLine) {
    return preparer.prepareStripping(new Doc(id, text, time, source), templateLine);
  }

  /** The signature of serialized bytes, refused unless made with this run's spec. */
  Signature signature(byte[] bytes) {
    return Signature.fromBytes(bytes, config.spec());
  }

  int bands() {
    return banding.bands();
  }

  /** The library's band keys (empty for an empty signature: in no band). */
  long[] bandKeys(Signature s) {
    return banding.bandKeys(s);
  }

  /**
   * True when the two share a band: a candidate (guards against band-key collisions). On the
   * low-16-bit values the index stores ({@link #low16}).
   */
  boolean candidates(short[] a, short[] b) {
    return banding.candidates(a, b);
  }

  /**
   * The verdict when {@code later} (low-16-bit values, set size) is added and {@code earlier} is
   * indexed; null: unrelated.
   */
  Verifier.Verdict verify(short[] later, long laterSize, short[] earlier, long earlierSize) {
    return verifier.verify(later, laterSize, earlier, earlierSize);
  }

  /** The round-up rule's test of two trimmed-copy partners of one document (order-free). */
  boolean sameStory(short[] a, long sizeA, short[] b, long sizeB) {
    return verifier.sameStory(Verifier.equalValues(a, b), sizeA, sizeB);
  }

  /**
   * The low-16-bit values of a signature, two bytes each (big-endian): what the index stores and
   * compares, and what the verification joins carry (less than half the checked signature). Made
   * in this job from a checked signature, read back by {@link #unpack}.
   */
  static byte[] low16(Signature s) {
    short[] v = Verifier.low16(s);
    byte[] out = new byte[v.length * 2];
    for (int i = 0; i < v.length; i++) {
      out[2 * i] = (byte) (v[i] >>> 8);
      out[2 * i + 1] = (byte) v[i];
    }
    return out;
  }

  /** The values {@link #low16} packed. */
  static short[] unpack(byte[] b) {
    short[] v = new short[b.length / 2];
    for (int i = 0; i < v.length; i++) {
      v[i] = (short) ((b[2 * i] << 8) | (b[2 * i + 1] & 0xFF));
    }
    return v;
  }

  /** Rank of a source in the canonical order (preferred sources first). */
  int rank(String source) {
    return order.rank(source);
  }
}
