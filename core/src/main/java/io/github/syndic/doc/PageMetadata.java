package io.github.syndic.doc;

/**
 * What an HTML page says about itself: title, publication date, author, language, site. Every
 * field is null when the page does not say it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the headline: JSON-LD {@code headline}, else {@code og:title}, else {@code <title>}
 * @param date the publication date as written: {@code article:published_time}, JSON-LD {@code
 *     datePublished}, a {@code date}/{@code pubdate} meta, or the first {@code <time datetime>}
 * @param author JSON-LD {@code author.name}, else the {@code author}/{@code article:author} meta
 * @param lang {@code <html lang>}, else the {@code content-language} or {@code og:locale} meta
 * @param siteName {@code og:site_name}
 * @param description {@code og:description} or the {@code description} meta
 */
public record PageMetadata(
    String title, String date, String author, String lang, String siteName, String description) {

  /** No metadata (plain text input). */
  public static final PageMetadata NONE = new PageMetadata(null, null, null, null, null, null);

  /** True when no field is set. */
  public boolean isEmpty() {
    return title == null && date == null && author == null && lang == null && siteName == null
        && description == null;
  }
}
