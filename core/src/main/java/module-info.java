/**
 * syndic's library: near-duplicate and boilerplate text in news. Start at {@link
 * io.github.syndic.Cleaner} (one document: its repeats and its furniture) and {@link
 * io.github.syndic.index.NearDuplicateIndex} (a feed: which articles are copies of which).
 *
 * <p>Every exported package is API. {@code io.github.syndic.internal} (the cleaner's per-document
 * view, the header codec and the serialization proxy of the persisted forms) is not exported: its
 * types may change in any release. On the class path (where the CLI and the Spark job run) the
 * same jar works unchanged.
 */
module io.github.syndic.core {
  // fastutil-core has no module descriptor: its Automatic-Module-Name. It stays inside: no public
  // signature of an exported package names a fastutil type.
  requires it.unimi.dsi.fastutil.core;
  // jsoup parses HTML inside io.github.syndic.html; no public signature names a jsoup type.
  requires org.jsoup;

  exports io.github.syndic;
  exports io.github.syndic.boilerplate;
  exports io.github.syndic.doc;
  exports io.github.syndic.dup;
  exports io.github.syndic.feed;
  exports io.github.syndic.format;
  // the frozen 64-bit mixers: part of the documented hash definitions (signatures, shingles)
  exports io.github.syndic.hash;
  exports io.github.syndic.html;
  exports io.github.syndic.index;
  exports io.github.syndic.lsh;
  exports io.github.syndic.minhash;
  exports io.github.syndic.shingle;
  exports io.github.syndic.text;
}
