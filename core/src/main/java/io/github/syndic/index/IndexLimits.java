package io.github.syndic.index;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The limits of a feed index, one constant each, enforced where documents enter ({@code
 * NearDuplicateIndex.add}: that document is refused with an {@link IllegalArgumentException},
 * the index is unchanged) and where snapshots are read ({@link NearDuplicateIndex#load}: a value
 * past a limit is damage), so an index can never hold what it cannot load again.
 *
 * <p>Immutable and thread-safe (constants and static checks).
 */
public final class IndexLimits {
  private IndexLimits() {}

  /**
   * Longest id, in UTF-8 bytes: 1 MiB (a URL is rarely over 2 KB). Enforced by {@code add} (that
   * document is refused) and by {@link NearDuplicateIndex#load} (a longer id is damage).
   */
  public static final int MAX_ID_BYTES = 1 << 20;

  /**
   * Longest source name, in UTF-8 bytes: 16 KiB, so that its modified UTF-8 in a snapshot (at most
   * twice as long) fits the 65,535 bytes of {@link java.io.DataOutput#writeUTF}. Enforced by
   * {@code add} and by {@link NearDuplicateIndex#load}.
   */
  public static final int MAX_SOURCE_BYTES = 1 << 14;

  /**
   * How far after the index's clock a timestamp may be: one day (time zones and clock skew of
   * publishers). The window counts back from the newest timestamp seen, so one document dated
   * decades ahead would evict everything: such a document is refused by {@code add} (a batch,
   * whose window runs on its own timeline, does not check).
   */
  public static final Duration MAX_AHEAD = Duration.ofDays(1);

  /**
   * Earliest timestamp an index with a window takes: 1990-01-01T00:00:00Z. News sites, and so
   * feeds, begin in the 1990s; an earlier time in a feed is in practice a misread clock (epoch
   * seconds read as milliseconds land in January 1970) or a placeholder date (0, 1900-01-01), and
   * would be evicted at once, silently. Such a document is refused by {@code add} with a message
   * naming the time (a batch, whose window runs on its own timeline, does not check).
   */
  public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  static byte[] check(PreparedDoc p) {
    byte[] idBytes = IdTable.utf8(p.id());
    if (idBytes == null) {
      throw new IllegalArgumentException(
          "document id '" + p.id() + "' has an unpaired surrogate (ids are kept as UTF-8)");
    }
    if (idBytes.length > MAX_ID_BYTES) {
      throw new IllegalArgumentException("document id of " + idBytes.length
          + " bytes is longer than the " + MAX_ID_BYTES + " bytes an index keeps");
    }
    if (p.source() != null) {
      int n = p.source().getBytes(StandardCharsets.UTF_8).length;
      if (n > MAX_SOURCE_BYTES) {
        throw new IllegalArgumentException("source of document '" + p.id() + "' has " + n
            + " bytes, more than the " + MAX_SOURCE_BYTES + " an index keeps");
      }
    }
    return idBytes;
  }

  static void checkTime(PreparedDoc p, IndexConfig config) {
    if (p.timestamp() == null || config.window() == null) {
      return;
    }
    if (p.timestamp().isBefore(EARLIEST)) {
      throw new IllegalArgumentException("timestamp " + p.timestamp() + " of document '" + p.id()
          + "' is before " + EARLIEST + ": a misread or placeholder time, which the window would"
          + " evict at once");
    }
    Instant now = config.clock().instant();
    if (p.timestamp().isAfter(now.plus(MAX_AHEAD))) {
      throw new IllegalArgumentException("timestamp " + p.timestamp() + " of document '" + p.id()
          + "' is more than " + MAX_AHEAD.toHours() + " h after the clock (" + now
          + "): it would move the window and evict every document");
    }
  }

}
