package io.github.syndic.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.syndic.index.Doc;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic generated news feed with planted clusters, realistic enough that a run on it
 * costs what a run on real news costs:
 *
 * <ul>
 *   <li>articles of 2-4 KB of body (uniform) plus title, byline and their source's furniture
 *       (menu, site name, share line, footer: what per-source templates learn);
 *   <li>words from a vocabulary of {@link #VOCABULARY} invented words drawn by a Zipf law (the
 *       {@link #FUNCTION_WORDS} most frequent ones short syllables, shared by every article as
 *       function words are), and a few topic words of the story's own (names, places) drawn more
 *       often; unrelated articles share about as many 5-grams as real news does;
 *   <li>sources of skewed size (a few large outlets, many small ones), times spread over a year;
 *   <li>about {@link #CLUSTERED_SHARE} of the documents in planted clusters: a story and 1-5
 *       copies on other sites, published minutes to days later (a few past the 7-day window), each
 *       copy exact (other furniture), trimmed (the last paragraphs cut), reworded (one word in 20
 *       replaced) or wrapped in extra furniture (related-story cards, 'read more' lines).
 * </ul>
 *
 * <p>Same seed and size, same documents. {@code main} writes JSON Lines for the scale runs
 * (docs/SPARK.md).
 *
 * <p>Not thread-safe (one generator per call).
 */
final class Corpus {
  /** Share of the documents that belong to a planted cluster (a story and its copies). */
  static final double CLUSTERED_SHARE = 0.2;

  /** Invented words in the vocabulary. */
  static final int VOCABULARY = 60_000;

  /**
   * The most frequent words, short syllables shared by every article as function words are; the
   * others are letter strings of 2-11 letters. Checked against real news (2026-12-07): two random
   * generated articles agree on 3.65% of their MinHash values after cleaning and templates (the
   * background of 5-gram similarity that makes chance candidates), SaudiNewsNet's on 3.68%;
   * English-like syllables for every word gave 6.8-7.9% (twice the chance candidates).
   */
  static final int FUNCTION_WORDS = 100;

  /** Documents per JSON Lines file when {@code main} writes a folder. */
  static final int DOCS_PER_FILE = 100_000;

  /** Mean copies of a story that has copies (1-5, uniform). */
  private static final double MEAN_COPIES = 3;

  /**
   * Chance that a story has copies: a story with copies makes 1 + {@link #MEAN_COPIES} documents,
   * so this share of stories puts {@link #CLUSTERED_SHARE} of the documents in clusters.
   */
  private static final double COPIED =
      CLUSTERED_SHARE / ((1 + MEAN_COPIES) - CLUSTERED_SHARE * MEAN_COPIES);

  private static final String[] ONSETS = {"", "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m",
    "n", "p", "r", "s", "t", "v", "w", "y", "z", "bl", "br", "ch", "cl", "cr", "dr", "fl", "fr",
    "gr", "pl", "pr", "sh", "sl", "sp", "st", "str", "th", "tr", "wh", "qu", "sc"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea",
    "ee", "ie", "oo", "ou", "y"};
  private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "nt",
    "ng", "st", "ck", "rd", "ll", "ss", "x", "th", "ft", "mp", "rt"};
  private static final String[] MENU = {"Home", "World", "Business", "Sports", "Culture",
    "Opinion", "Science", "Travel", "Video", "Markets", "Tech", "Health", "Politics", "Local"};

  private final SplittableRandom rnd;
  private final String[] words;
  private final double[] cumulative;
  private final int sources;

  /** One story: what its copies are made from. */
  private record Story(String title, List<String> paragraphs, Instant time) {}

  /** A generated document (the title apart, as JSON Lines carry it). */
  record Item(String id, String title, String body, Instant time, String source) {
    Doc doc() {
      return new Doc(id, title + "\n" + body, time, source);
    }
  }

  Corpus(long seed, int sources) {
    this.rnd = new SplittableRandom(seed);
    this.sources = sources;
    this.words = new String[VOCABULARY];
    for (int i = 0; i < words.length; i++) {
      StringBuilder sb = new StringBuilder();
      if (i < FUNCTION_WORDS) {
        sb.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)])
            .append(CODAS[rnd.nextInt(CODAS.length)]);
      } else {
        int len = 2 + rnd.nextInt(i < 2_000 ? 5 : 10);
        for (int c = 0; c < len; c++) {
          sb.append((char) ('a' + rnd.nextInt(26)));
        }
      }
      words[i] = sb.toString();
    }
    // Zipf's law (exponent 1, rank offset 10): the function words make about a quarter of the
    // running text.
    cumulative = new double[VOCABULARY];
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
      sum += 1.0 / (i + 10);
      cumulative[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++) {
      cumulative[i] /= sum;
    }
  }

  /** {@code n} documents (about {@link #CLUSTERED_SHARE} of them in planted clusters). */
  static List<Doc> generate(long seed, int n) {
    List<Doc> out = new ArrayList<>(n);
    new Corpus(seed, sourcesFor(n)).emit(n, i -> out.add(i.doc()));
    return out;
  }

  /** Number of sources for {@code n} documents: about 500 documents per source, at least 4. */
  static int sourcesFor(int n) {
    return Math.max(4, n / 500);
  }

  /** Emits {@code n} documents to {@code sink}, each story followed by its copies. */
  void emit(int n, Consumer<Item> sink) {
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    long span = Duration.ofDays(365).toSeconds();
    int made = 0;
    int story = 0;
    while (made < n) {
      String[] topic = new String[6];
      for (int i = 0; i < topic.length; i++) {
        topic[i] = words[2_000 + rnd.nextInt(VOCABULARY - 2_000)];
      }
      String title = sentence(6 + rnd.nextInt(7), topic);
      title = title.substring(0, title.length() - 1);
      List<String> body = new ArrayList<>();
      int target = 2_000 + rnd.nextInt(2_001);
      for (int len = 0; len < target; ) {
        StringBuilder para = new StringBuilder();
        int sents = 1 + rnd.nextInt(4);
        for (int s = 0; s < sents; s++) {
          para.append(s == 0 ? "" : " ").append(sentence(8 + rnd.nextInt(23), topic));
        }
        body.add(para.toString());
        len += para.length() + 1;
      }
      Story st = new Story(title, body, start.plusSeconds(rnd.nextLong(span)));
      int src = source();
      sink.accept(item("s" + story + "-0", st.title(), st.paragraphs(), st.time(), src, false));
      made++;
      int copies = rnd.nextDouble() < COPIED ? 1 + rnd.nextInt(5) : 0;
      for (int c = 1; c <= copies && made < n; c++) {
        int other = source();
        // Minutes to days later: exponential with a mean of a day, at most ten days.
        long delay = (long) Math.min(Duration.ofDays(10).toSeconds(),
            -Math.log(1 - rnd.nextDouble()) * Duration.ofDays(1).toSeconds());
        List<String> copy = new ArrayList<>(body);
        boolean wrapped = false;
        switch (rnd.nextInt(4)) {
          case 0 -> { } // exact text on another site
          case 1 -> copy = new ArrayList<>(body.subList(0,
              Math.max(1, (int) Math.round(body.size() * (0.5 + 0.3 * rnd.nextDouble())))));
          case 2 -> copy.replaceAll(this::reword);
          default -> wrapped = true;
        }
        sink.accept(item("s" + story + "-" + c, title, copy, st.time().plusSeconds(delay), other,
            wrapped));
        made++;
      }
      story++;
    }
  }

  /** A source, skewed: source i has a share of documents decreasing with i. */
  private int source() {
    double u = rnd.nextDouble();
    return (int) (sources * u * u);
  }

  private Item item(String id, String title, List<String> body, Instant time, int src,
      boolean wrapped) {
    StringBuilder sb = new StringBuilder(4_600);
    sb.append(String.join(" | ", MENU[src % MENU.length], MENU[(src + 3) % MENU.length],
        MENU[(src + 7) % MENU.length], MENU[(src + 9) % MENU.length])).append('\n');
    sb.append(site(src)).append(" News").append('\n');
    sb.append("By ").append(cap(words[100 + (src * 7 + rnd.nextInt(5)) % 5_000])).append(' ')
        .append(cap(words[5_000 + (src * 13 + rnd.nextInt(5)) % 5_000])).append(" | ")
        .append(time.toString(), 0, 10).append('\n');
    for (int i = 0; i < body.size(); i++) {
      if (wrapped && i == body.size() / 2) {
        for (int r = 0; r < 3; r++) {
          sb.append("Related: ").append(sentence(7 + rnd.nextInt(5), null)).append('\n');
        }
      }
      sb.append(body.get(i)).append('\n');
    }
    if (wrapped) {
      sb.append("Read more: ").append(sentence(8, null)).append('\n');
      sb.append("Download the ").append(site(src)).append(" app for breaking news alerts")
          .append('\n');
    }
    sb.append("Share this article on social media").append('\n');
    sb.append("Copyright ").append(site(src)).append(" Media Group. All rights reserved.")
        .append('\n');
    return new Item(id, title, sb.toString(), time, "site" + src);
  }

  private String site(int src) {
    return cap(words[200 + src % 20_000]) + " " + src;
  }

  private String reword(String para) {
    String[] w = para.split(" ");
    for (int i = 0; i < w.length; i++) {
      if (rnd.nextInt(20) == 0) {
        w[i] = word();
      }
    }
    return String.join(" ", w);
  }

  private String word() {
    double u = rnd.nextDouble();
    int lo = 0;
    int hi = VOCABULARY - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return words[lo];
  }

  /** A sentence of {@code n} words; one word in ten is a topic word when {@code topic} is set. */
  private String sentence(int n, String[] topic) {
    StringBuilder sb = new StringBuilder(n * 7);
    for (int i = 0; i < n; i++) {
      boolean name = topic != null && rnd.nextInt(10) == 0;
      String w = name ? cap(topic[rnd.nextInt(topic.length)]) : word();
      if (i == 0) {
        w = cap(w);
      }
      sb.append(i == 0 ? "" : (rnd.nextInt(12) == 0 ? ", " : " ")).append(w);
    }
    return sb.append('.').toString();
  }

  private static String cap(String w) {
    return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /**
   * Writes {@code n} generated documents as JSON Lines ({@code id}, {@code title}, {@code text},
   * {@code source}, {@code published}): {@code main(OUT, n[, seed])}, OUT a {@code .jsonl} file or
   * a folder that receives files of {@link #DOCS_PER_FILE} documents, 348 MB each ({@code syndic
   * dedup} reads input files of at most 1 GiB).
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 17;
    boolean folder = !out.toString().endsWith(".jsonl");
    if (folder) {
      Files.createDirectories(out);
    }
    JsonFactory json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    Writer[] w = {null};
    int[] count = {0};
    try {
      new Corpus(seed, sourcesFor(n)).emit(n, d -> {
        try {
          if (w[0] == null || (folder && count[0] % DOCS_PER_FILE == 0)) {
            if (w[0] != null) {
              w[0].close();
            }
            Path f = folder ? out.resolve(String.format(Locale.ROOT, "feed-%03d.jsonl",
                count[0] / DOCS_PER_FILE)) : out;
            w[0] = new BufferedWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8), 1 << 20);
          }
          count[0]++;
          try (JsonGenerator g = json.createGenerator(w[0])) {
            g.writeStartObject();
            g.writeStringField("id", d.id());
            g.writeStringField("title", d.title());
            g.writeStringField("text", d.body());
            g.writeStringField("source", d.source());
            g.writeStringField("published", d.time().toString());
            g.writeEndObject();
          }
          w[0].write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } finally {
      if (w[0] != null) {
        w[0].close();
      }
    }
  }
}
