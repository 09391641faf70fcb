package io.github.syndic.benchmarks.dup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Inputs of the duplicate benchmarks: real articles (the SaudiNewsNet docs of {@code
 * ../shared/eval}, or the seed articles when it is absent) and a pathological document built from
 * their paragraphs. Not thread-safe; build once per benchmark state.
 */
public final class DupCorpus {
  private DupCorpus() {}

  /** Finds {@code shared/eval/neardup/saudinewsnet_ar/docs} above the working directory, or null. */
  public static Path saudiDocs() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null) {
      Path d = p.resolve("shared/eval/neardup/saudinewsnet_ar/docs");
      if (Files.isDirectory(d)) {
        return d;
      }
      Path sibling = p.getParent() == null ? null
          : p.getParent().resolve("shared/eval/neardup/saudinewsnet_ar/docs");
      if (sibling != null && Files.isDirectory(sibling)) {
        return sibling;
      }
      p = p.getParent();
    }
    return null;
  }

  /** Finds the project's {@code testdata/seeds}. */
  static Path seeds() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null) {
      Path d = p.resolve("testdata/seeds");
      if (Files.isDirectory(d)) {
        return d;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("testdata/seeds not found above " + Paths.get("").toAbsolutePath());
  }

  /** The real articles: SaudiNewsNet docs when present, else the seed articles. */
  public static List<String> articles() {
    Path dir = saudiDocs();
    if (dir == null) {
      System.err.println("note: ../shared/eval absent; using the seed articles");
      dir = seeds();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
        out.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** UTF-8 size of the texts. */
  public static long utf8Bytes(List<String> texts) {
    long n = 0;
    for (String t : texts) {
      n += t.getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }

  /**
   * A pathological document of {@code paragraphs} lines built from real paragraphs (lines of 120
   * to 280 UTF-8 bytes of the articles): each line is, with a seeded random generator, a repeat of
   * a pool paragraph (30% with one word deleted, replaced or two words swapped), a truncated
   * teaser (1%) or a blob gluing 3 to 10 pool paragraphs without separators (0.5%); the pool holds
   * a fifth as many paragraphs as the document, so every paragraph recurs about five times.
   */
  public static String pathological(List<String> articles, int paragraphs, long seed) {
    List<String> real = new ArrayList<>();
    for (String a : articles) {
      for (String line : a.split("\n")) {
        String t = line.strip();
        int b = t.getBytes(StandardCharsets.UTF_8).length;
        if (b >= 120 && b <= 280) {
          real.add(t);
        }
      }
    }
    if (real.isEmpty()) {
      throw new IllegalStateException("no paragraphs of 120-280 bytes in the articles");
    }
    Random r = new Random(seed);
    int poolSize = Math.max(1, Math.min(real.size(), paragraphs / 5));
    List<String> pool = new ArrayList<>(poolSize);
    for (int i = 0; i < poolSize; i++) {
      pool.add(real.get(r.nextInt(real.size())));
    }
    StringBuilder sb = new StringBuilder(paragraphs * 220);
    for (int i = 0; i < paragraphs; i++) {
      double x = r.nextDouble();
      String p = pool.get(r.nextInt(poolSize));
      if (x < 0.005) {
        int k = 3 + r.nextInt(8);
        StringBuilder blob = new StringBuilder();
        for (int j = 0; j < k; j++) {
          blob.append(pool.get(r.nextInt(poolSize)));
        }
        p = blob.toString();
      } else if (x < 0.015) {
        p = p.substring(0, p.length() * 2 / 3) + "...";
      } else if (x < 0.315) {
        p = edit(p, pool.get(r.nextInt(poolSize)), r);
      }
      sb.append(p).append('\n');
    }
    return sb.toString();
  }

  private static String edit(String p, String other, Random r) {
    String[] w = p.split(" ");
    if (w.length < 3) {
      return p;
    }
    int i = r.nextInt(w.length);
    switch (r.nextInt(3)) {
      case 0: {
        List<String> l = new ArrayList<>(List.of(w));
        l.remove(i);
        return String.join(" ", l);
      }
      case 1: {
        String[] o = other.split(" ");
        w[i] = o[r.nextInt(o.length)];
        return String.join(" ", w);
      }
      default: {
        int j = r.nextInt(w.length);
        String t = w[i];
        w[i] = w[j];
        w[j] = t;
        return String.join(" ", w);
      }
    }
  }
}
