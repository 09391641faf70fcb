package io.github.syndic.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark inputs: real news text, sized like a short wire item (~1 KB of UTF-8) or a long
 * feature (~10 KB), in Arabic and English, plus a corpus of whole articles.
 *
 * <p>Sources, in order of preference: {@code ../shared/eval} beside the repository (SaudiNewsNet
 * docs for Arabic, the AEB pages for English; override with {@code -Dsyndic.eval=DIR}); else the
 * text shipped in {@code testdata/} (the seed articles for Arabic, {@code testdata/bench/} for
 * English), so the benchmarks run on a fresh clone. Inputs are deterministic: files are read in
 * name order.
 *
 * <p>A sized input is a whole document when at least {@link #MIN_WHOLE} documents fall within
 * [0.8, 1.25] × the target size, else consecutive non-blank lines packed until the target is
 * reached. Not thread-safe (used from JMH setup only).
 */
final class BenchData {
  /** Least number of whole documents of the right size before lines are packed instead. */
  static final int MIN_WHOLE = 8;
  /** Most inputs per size class; the benchmark cycles through them. */
  static final int MAX_INPUTS = 64;

  private BenchData() {}

  /**
   * Inputs for a benchmark parameter: {@code ar-corpus}, or a language and a size in UTF-8 bytes,
   * {@code ar-<size>} or {@code en-<size>}, the size a number with an optional {@code k} (×1024):
   * {@code ar-1k}, {@code en-10k}, {@code ar-512}.
   */
  static String[] inputs(String name) {
    if (name.equals("ar-corpus")) {
      return corpus();
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(ar|en)-([1-9][0-9]{0,5})(k?)").matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "unknown input " + name + " (expected ar-corpus, ar-<size> or en-<size>, e.g. ar-1k)");
    }
    int size = Integer.parseInt(m.group(2)) * (m.group(3).isEmpty() ? 1 : 1024);
    return sized(m.group(1).equals("ar") ? arabic() : english(), size);
  }

  /** Where the inputs of a parameter come from, for the log. */
  static String source(String name) {
    Path eval = eval();
    if (eval == null) {
      return "testdata (no shared eval found)";
    }
    return name.startsWith("en") ? eval.resolve("boilerplate/aeb/pages").toString()
        : eval.resolve("neardup/saudinewsnet_ar/docs").toString();
  }

  /** All SaudiNewsNet articles, or every seed/testdata text packed to ~2 KB without eval data. */
  static String[] corpus() {
    Path eval = eval();
    if (eval != null) {
      Path docs = eval.resolve("neardup/saudinewsnet_ar/docs");
      if (Files.isDirectory(docs)) {
        return readAll(docs).toArray(new String[0]);
      }
    }
    List<String> all = new ArrayList<>(arabic());
    all.addAll(english());
    return pack(all, 2048, Integer.MAX_VALUE);
  }

  static List<String> arabic() {
    Path eval = eval();
    if (eval != null && Files.isDirectory(eval.resolve("neardup/saudinewsnet_ar/docs"))) {
      return readAll(eval.resolve("neardup/saudinewsnet_ar/docs"));
    }
    return readAll(testdata().resolve("seeds"));
  }

  static List<String> english() {
    Path eval = eval();
    if (eval != null && Files.isDirectory(eval.resolve("boilerplate/aeb/pages"))) {
      return readAll(eval.resolve("boilerplate/aeb/pages"));
    }
    return readAll(testdata().resolve("bench"));
  }

  static String[] sized(List<String> docs, int targetBytes) {
    List<String> whole = new ArrayList<>();
    for (String d : docs) {
      int b = utf8(d);
      if (b >= targetBytes * 0.8 && b <= targetBytes * 1.25) {
        whole.add(d);
        if (whole.size() == MAX_INPUTS) {
          break;
        }
      }
    }
    if (whole.size() >= MIN_WHOLE) {
      return whole.toArray(new String[0]);
    }
    return pack(docs, targetBytes, MAX_INPUTS);
  }

  /** Packs consecutive non-blank lines into texts of at least {@code targetBytes}. */
  static String[] pack(List<String> docs, int targetBytes, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int bytes = 0;
    for (String d : docs) {
      for (String line : d.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        cur.append(line).append('\n');
        bytes += utf8(line) + 1;
        if (bytes >= targetBytes) {
          out.add(cur.toString());
          cur.setLength(0);
          bytes = 0;
          if (out.size() == max) {
            return out.toArray(new String[0]);
          }
        }
      }
    }
    if (out.isEmpty() && cur.length() > 0) {
      // Not enough text for one input of the target size: repeat what there is.
      String s = cur.toString();
      StringBuilder b = new StringBuilder();
      while (utf8(b.toString()) < targetBytes) {
        b.append(s);
      }
      out.add(b.toString());
    }
    return out.toArray(new String[0]);
  }

  static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static List<String> readAll(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted =
          files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      List<String> out = new ArrayList<>(sorted.size());
      for (Path p : sorted) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's testdata folder (walks up from the working directory). */
  static Path testdata() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null) {
      Path t = p.resolve("testdata");
      if (Files.isDirectory(t.resolve("seeds"))) {
        return t;
      }
      p = p.getParent();
    }
    throw new IllegalStateException(
        "testdata/ not found above " + Paths.get("").toAbsolutePath() + "; run from the repository");
  }

  /** The shared eval folder: -Dsyndic.eval, else ../shared/eval beside the repository, or null. */
  static Path eval() {
    String prop = System.getProperty("syndic.eval");
    if (prop != null) {
      Path p = Paths.get(prop);
      return Files.isDirectory(p) ? p : null;
    }
    Path repo = testdata().toAbsolutePath().getParent();
    Path e = repo.getParent() == null ? null : repo.getParent().resolve("shared").resolve("eval");
    return e != null && Files.isDirectory(e) ? e : null;
  }
}
