package io.github.syndic.index;

import java.time.Instant;
import java.util.Objects;

/**
 * One input document of the feed index.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id unique id (e.g. a URL), not null or empty
 * @param text the raw text, as scraped (null is treated as empty)
 * @param timestamp publication or crawl time, or null when unknown (unknown sorts after every
 *     known time and is never evicted by the window)
 * @param source the site or feed the document came from, or null when unknown
 */
public record Doc(String id, String text, Instant timestamp, String source) {
  /** Checks the arguments. */
  public Doc {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("document id must not be empty");
    }
    if (text == null) {
      text = "";
    }
  }

  /** A document without timestamp or source. */
  public static Doc of(String id, String text) {
    return new Doc(id, text, null, null);
  }
}
