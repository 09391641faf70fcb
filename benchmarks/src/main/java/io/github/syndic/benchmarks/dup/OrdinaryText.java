package io.github.syndic.benchmarks.dup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One very large document of ordinary news paragraphs, generated deterministically (issue 18,
 * items 6 and 16: the cost of {@code clean} on a single file of 20-200 MB): mostly distinct
 * paragraphs, one per line, with a few repeats far apart.
 *
 * <p>Two word models, both seeded: {@code saudi} walks a word-bigram chain learned from the
 * SaudiNewsNet articles of {@code ../shared/eval} (realistic Arabic paragraphs that are not in
 * the articles); {@code synthetic} needs no evaluation data: a vocabulary of 40,000 words made of
 * Latin syllables, drawn with Zipf frequencies (exponent 1) in sentences of 6-24 words, with a
 * number now and then. Each paragraph has 30-120 words. {@value #EXACT_REPEAT_PERCENT}% of the
 * paragraphs are exact repeats and {@value #EDITED_REPEAT_PERCENT}% repeats with one word
 * replaced, of a paragraph drawn uniformly from the whole document so far.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.syndic.benchmarks.dup.OrdinaryText \
 *   synthetic 100 /tmp/ordinary-100.txt [seed]
 * </pre>
 *
 * <p>Not thread-safe (one generator, one thread).
 */
public final class OrdinaryText {
  /** Share of exact repeats, in percent: 3 (a wire text carries a few repeated paragraphs). */
  static final int EXACT_REPEAT_PERCENT = 3;

  /** Share of repeats with one word replaced, in percent: 1. */
  static final int EDITED_REPEAT_PERCENT = 1;

  private static final String[] SYLLABLES = {
    "ta", "ri", "on", "ka", "el", "mo", "sa", "ne", "lu", "di", "per", "an", "to", "ve", "ci",
    "pa", "ro", "mi", "se", "go", "la", "ter", "us", "ba", "con", "de", "fi", "na", "qua", "vi",
    "ar", "tem", "po", "li", "stra", "men", "ho", "ga", "nu", "be"
  };

  private final Random random;
  private final WordModel model;
  private final List<String> earlier = new ArrayList<>();

  private OrdinaryText(WordModel model, long seed) {
    this.model = model;
    this.random = new Random(seed);
  }

  /** A generator with the named model ({@code saudi} or {@code synthetic}). */
  public static OrdinaryText create(String model, long seed) {
    WordModel m = switch (model) {
      case "saudi" -> Bigrams.fromArticles(DupCorpus.articles());
      case "synthetic" -> new Zipf(seed);
      default -> throw new IllegalArgumentException("model must be saudi or synthetic: " + model);
    };
    return new OrdinaryText(m, seed);
  }

  /** The next paragraph (no line break). */
  public String next() {
    int x = random.nextInt(100);
    String p;
    if (!earlier.isEmpty() && x < EXACT_REPEAT_PERCENT) {
      p = earlier.get(random.nextInt(earlier.size()));
    } else if (!earlier.isEmpty() && x < EXACT_REPEAT_PERCENT + EDITED_REPEAT_PERCENT) {
      String[] w = earlier.get(random.nextInt(earlier.size())).split(" ");
      w[random.nextInt(w.length)] = model.word(random);
      p = String.join(" ", w);
    } else {
      p = model.paragraph(random, 30 + random.nextInt(91));
    }
    earlier.add(p);
    return p;
  }

  /** Writes paragraphs, one per line, until {@code bytes} UTF-8 bytes are written. */
  public long write(Writer out, long bytes) throws IOException {
    long n = 0;
    while (n < bytes) {
      String p = next();
      out.write(p);
      out.write('\n');
      n += p.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return n;
  }

  /** {@code model MB out [seed]}: writes an ordinary document of about MB megabytes. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: OrdinaryText saudi|synthetic MB OUT [seed]");
      System.exit(2);
    }
    long bytes = (long) (Double.parseDouble(args[1]) * 1_000_000L);
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261207L;
    Path out = Paths.get(args[2]);
    OrdinaryText g = create(args[0], seed);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      long n = g.write(w, bytes);
      System.err.printf("wrote %s: %d bytes, %d paragraphs%n", out, n, g.earlier.size());
    }
  }

  /** A source of words and paragraphs. */
  interface WordModel {
    String word(Random r);

    String paragraph(Random r, int words);
  }

  /** Seeded Zipf vocabulary of syllable words; needs no data. */
  static final class Zipf implements WordModel {
    private static final int VOCABULARY = 40_000;
    private final String[] words = new String[VOCABULARY];
    private final double[] cumulative = new double[VOCABULARY];

    Zipf(long seed) {
      Random r = new Random(seed ^ 0x5DEECE66DL);
      Map<String, Boolean> seen = new HashMap<>();
      double sum = 0;
      for (int i = 0; i < VOCABULARY; i++) {
        String w;
        do {
          StringBuilder sb = new StringBuilder();
          int syl = 1 + r.nextInt(i < 100 ? 2 : 4);
          for (int s = 0; s < syl; s++) {
            sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
          }
          w = sb.toString();
        } while (seen.putIfAbsent(w, Boolean.TRUE) != null);
        words[i] = w;
        sum += 1.0 / (i + 1);
        cumulative[i] = sum;
      }
      for (int i = 0; i < VOCABULARY; i++) {
        cumulative[i] /= sum;
      }
    }

    @Override
    public String word(Random r) {
      int i = Arrays.binarySearch(cumulative, r.nextDouble());
      return words[Math.min(VOCABULARY - 1, i < 0 ? -i - 1 : i)];
    }

    @Override
    public String paragraph(Random r, int n) {
      StringBuilder sb = new StringBuilder(n * 8);
      int left = 0;
      for (int i = 0; i < n; i++) {
        if (left == 0) {
          left = 6 + r.nextInt(19);
          if (i > 0) {
            sb.append(". ");
          }
          String w = word(r);
          sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
        } else {
          sb.append(' ');
          if (r.nextInt(40) == 0) {
            sb.append(r.nextInt(r.nextBoolean() ? 100 : 3000));
          } else {
            sb.append(word(r));
          }
        }
        left--;
      }
      return sb.append('.').toString();
    }
  }

  /** A word-bigram chain of real articles: realistic text that is not in them. */
  static final class Bigrams implements WordModel {
    private final String[] vocabulary;
    private final int[][] next; // successors of each word, with repetition (frequency)
    private final int[] starts; // words that begin a paragraph or follow a sentence end

    private Bigrams(String[] vocabulary, int[][] next, int[] starts) {
      this.vocabulary = vocabulary;
      this.next = next;
      this.starts = starts;
    }

    static Bigrams fromArticles(List<String> articles) {
      Map<String, Integer> ids = new HashMap<>();
      List<String> vocab = new ArrayList<>();
      List<int[]> pairs = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      int[] buf = new int[1 << 16];
      int bn = 0;
      for (String a : articles) {
        for (String line : a.split("\n")) {
          String[] w = line.strip().split("\\s+");
          int prev = -1;
          for (String t : w) {
            if (t.isEmpty()) {
              continue;
            }
            Integer id = ids.get(t);
            if (id == null) {
              id = vocab.size();
              ids.put(t, id);
              vocab.add(t);
            }
            if (prev < 0 || vocab.get(prev).endsWith(".")) {
              starts.add(id);
            }
            if (prev >= 0) {
              if (bn + 2 > buf.length) {
                pairs.add(Arrays.copyOf(buf, bn));
                bn = 0;
              }
              buf[bn++] = prev;
              buf[bn++] = id;
            }
            prev = id;
          }
        }
      }
      pairs.add(Arrays.copyOf(buf, bn));
      int v = vocab.size();
      int[] count = new int[v];
      for (int[] p : pairs) {
        for (int i = 0; i < p.length; i += 2) {
          count[p[i]]++;
        }
      }
      int[][] next = new int[v][];
      for (int i = 0; i < v; i++) {
        next[i] = new int[count[i]];
      }
      int[] fill = new int[v];
      for (int[] p : pairs) {
        for (int i = 0; i < p.length; i += 2) {
          next[p[i]][fill[p[i]]++] = p[i + 1];
        }
      }
      int[] s = starts.stream().mapToInt(Integer::intValue).toArray();
      return new Bigrams(vocab.toArray(new String[0]), next, s);
    }

    @Override
    public String word(Random r) {
      return vocabulary[starts[r.nextInt(starts.length)]];
    }

    @Override
    public String paragraph(Random r, int n) {
      StringBuilder sb = new StringBuilder(n * 8);
      int w = starts[r.nextInt(starts.length)];
      sb.append(vocabulary[w]);
      for (int i = 1; i < n || !vocabulary[w].endsWith("."); i++) {
        int[] nx = next[w];
        if (nx.length == 0 || i > 2 * n) {
          break;
        }
        w = nx[r.nextInt(nx.length)];
        sb.append(' ').append(vocabulary[w]);
      }
      return sb.toString();
    }
  }
}
