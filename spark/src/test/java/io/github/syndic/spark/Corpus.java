package io.github.syndic.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.syndic.index.Doc;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic generated news feed with planted copies: articles of realistic length (title
 * and 4-14 paragraphs, about 2,000 characters on average) from many sources, each wrapped in its
 * source's furniture (menus, share lines, footers); about a fifth of the documents are copies of
 * another story in the feed: exact (on another site, other furniture), trimmed (the last third
 * cut), reworded (one word in ten replaced) or wrapped in extra furniture, published hours to days
 * after the original. Same seed and size, same documents.
 *
 * <p>{@code main(out.jsonl, n[, seed])} writes JSON Lines (id, title, text, source, published) for
 * the local scale run.
 *
 * <p>Not thread-safe (one generator per call).
 */
final class Corpus {
  /** Share of documents that are copies of an earlier story (planted clusters). */
  static final double COPY_SHARE = 0.2;

  private static final String[] SYLLABLES = {
    "ka", "lo", "ri", "men", "tor", "sa", "vel", "din", "pra", "ost", "ul", "ne", "gar", "bi",
    "son", "ta", "mir", "ex", "fal", "cor", "de", "lin", "mo", "rak", "pel", "si", "van", "tu",
    "ber", "ho", "quin", "za", "ly", "dra", "em", "for", "gi", "nos", "par", "che"
  };
  private static final String[] MENU = {"Home", "World", "Business", "Sports", "Culture",
    "Opinion", "Science", "Travel", "Video", "Markets", "Tech", "Health"};

  private final SplittableRandom rnd;
  private final String[] words;
  private final int sources;

  Corpus(long seed, int sources) {
    this.rnd = new SplittableRandom(seed);
    this.sources = sources;
    this.words = new String[6000];
    for (int i = 0; i < words.length; i++) {
      int syl = 1 + rnd.nextInt(4);
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < syl; s++) {
        sb.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
      }
      words[i] = sb.toString();
    }
  }

  /** {@code n} documents (about {@link #COPY_SHARE} of them copies). */
  static List<Doc> generate(long seed, int n) {
    List<Doc> out = new ArrayList<>(n);
    new Corpus(seed, Math.max(4, n / 200)).emit(n, out::add);
    return out;
  }

  /** Emits {@code n} documents to {@code sink}, originals and their copies interleaved. */
  void emit(int n, Consumer<Doc> sink) {
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    long span = Duration.ofDays(60).toSeconds();
    int made = 0;
    int story = 0;
    while (made < n) {
      String title = sentence(5 + rnd.nextInt(6));
      List<String> body = new ArrayList<>();
      int paras = 4 + rnd.nextInt(11);
      for (int p = 0; p < paras; p++) {
        StringBuilder para = new StringBuilder();
        int sents = 1 + rnd.nextInt(3);
        for (int s = 0; s < sents; s++) {
          para.append(s == 0 ? "" : " ").append(sentence(8 + rnd.nextInt(14)));
        }
        body.add(para.toString());
      }
      int src = rnd.nextInt(sources);
      Instant t = start.plusSeconds(rnd.nextLong(span));
      String id = "s" + story + "-0";
      sink.accept(new Doc(id, page(src, title, body), t, "site" + src));
      made++;
      // Copies: on average COPY_SHARE / (1 - COPY_SHARE) copies per original.
      int copies = 0;
      double want = COPY_SHARE / (1 - COPY_SHARE);
      if (rnd.nextDouble() < want / 3) {
        copies = 1 + rnd.nextInt(5); // mean 3
      }
      for (int c = 1; c <= copies && made < n; c++) {
        int other = rnd.nextInt(sources);
        Instant tc = t.plusSeconds(rnd.nextLong(Duration.ofDays(3).toSeconds()));
        List<String> copy = new ArrayList<>(body);
        switch (rnd.nextInt(4)) {
          case 0 -> { } // exact text on another site
          case 1 -> copy = new ArrayList<>(body.subList(0, Math.max(1, body.size() * 2 / 3)));
          case 2 -> copy.replaceAll(this::reword);
          default -> {
            copy.add(0, "Related: " + sentence(6));
            copy.add("Read more: " + sentence(7));
          }
        }
        sink.accept(new Doc("s" + story + "-" + c, page(other, title, copy), tc, "site" + other));
        made++;
      }
      story++;
    }
  }

  private String page(int src, String title, List<String> body) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(" | ", MENU[src % MENU.length], MENU[(src + 3) % MENU.length],
        MENU[(src + 7) % MENU.length])).append('\n');
    sb.append("Site ").append(src).append(" News").append('\n');
    sb.append(title).append('\n');
    for (String p : body) {
      sb.append(p).append('\n');
    }
    sb.append("Share this article on social media").append('\n');
    sb.append("Copyright Site ").append(src).append(" Media Group. All rights reserved.")
        .append('\n');
    return sb.toString();
  }

  private String reword(String para) {
    String[] w = para.split(" ");
    for (int i = 0; i < w.length; i++) {
      if (rnd.nextInt(10) == 0) {
        w[i] = words[rnd.nextInt(words.length)];
      }
    }
    return String.join(" ", w);
  }

  private String sentence(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // Skewed word choice: frequent words recur across stories, as function words do.
      double u = rnd.nextDouble();
      String w = words[(int) (words.length * u * u * u)];
      if (i == 0) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      sb.append(i == 0 ? "" : " ").append(w);
    }
    return sb.append('.').toString();
  }

  /** Writes {@code n} documents as JSON Lines: main(out.jsonl, n[, seed]). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 17;
    JsonFactory json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8),
        1 << 20)) {
      new Corpus(seed, Math.max(4, n / 200)).emit(n, d -> {
        try {
          try (JsonGenerator g = json.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("id", d.id());
            g.writeStringField("text", d.text());
            g.writeStringField("source", d.source());
            g.writeStringField("published", d.timestamp().toString());
            g.writeEndObject();
          }
          w.write('\n');
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }
}
