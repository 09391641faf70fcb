package io.github.syndic.feed;

/**
 * The rule every reader applies to a document's id: a non-empty string of at most {@link
 * #MAX_CHARS} chars without control characters (a tab or line break would break the clusters
 * TSV) and without an unpaired surrogate (it cannot be written as UTF-8).
 *
 * <p>Stateless and thread-safe.
 */
public final class DocIds {
  /**
   * Longest id: 4,096 chars. URLs (the usual ids of a feed) stay far below it, and the index
   * stores every id of its window, so an absurdly long one is refused, named.
   */
  public static final int MAX_CHARS = 4096;

  private DocIds() {}

  /** Why {@code id} cannot be a document id, or null when it can. */
  public static String problem(String id) {
    if (id == null || id.isEmpty()) {
      return "empty id";
    }
    if (id.length() > MAX_CHARS) {
      return "id longer than " + MAX_CHARS + " chars (" + id.length() + ")";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        return "id with a control character (tab, line break or other) at char " + i;
      }
      if (Character.isHighSurrogate(c) && i + 1 < id.length()
          && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "id with an unpaired surrogate at char " + i;
      }
    }
    return null;
  }
}
