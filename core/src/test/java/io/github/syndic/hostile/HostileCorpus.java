package io.github.syndic.hostile;

import io.github.syndic.boilerplate.Lexicon;
import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The hostile-input corpus of {@code testdata/hostile/}: the stored files, their documented
 * expectations (parsed from the README's table), and the generators of the inputs too big to
 * store. Every generator is deterministic (fixed seeds). Stateless; thread-safe.
 *
 * <p>Run {@code main} to write the generated inputs as files (for the CLI or profiling): {@code
 * java -cp core/target/test-classes:core/target/classes io.github.syndic.hostile.HostileCorpus
 * OUTDIR}.
 */
public final class HostileCorpus {
  private HostileCorpus() {}

  /** 100 MB single line: above {@code CleanerConfig.DEFAULT_MAX_BLOCK_CHARS}, kept unanalyzed. */
  public static final int SINGLE_LINE_CHARS = 100_000_000;

  /** Number of one-character lines. */
  public static final int ONE_CHAR_LINES = 1_000_000;

  /** Repeats of the same paragraph. */
  public static final int SAME_PARAGRAPH_TIMES = 10_000;

  /** Depth of stacked combining marks. */
  public static final int MARK_DEPTH = 1_000;

  /** Length of each generated regex-backtracking line. */
  public static final int BACKTRACK_LINE_CHARS = 100_000;

  /** What the README documents for an input: the library's and the CLI's result. */
  public record Expectation(String file, String library, String cli) {}

  /** A generated input: name, approximate size in chars, and its generator. */
  public record Generated(String name, long approxChars, Supplier<String> text) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code testdata/hostile}. */
  public static Path dir() {
    return LineLabels.testdata().resolve("hostile");
  }

  /** The stored corpus files (everything but README.md), sorted by name. */
  public static List<Path> storedFiles() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The expectations table of the README: rows {@code | `file` | description | library | CLI |}.
   */
  public static Map<String, Expectation> expectations() {
    Map<String, Expectation> m = new LinkedHashMap<>();
    try {
      for (String row : Files.readAllLines(dir().resolve("README.md"), StandardCharsets.UTF_8)) {
        if (!row.startsWith("| `")) {
          continue;
        }
        String[] f = row.split("\\|");
        String file = f[1].trim().replace("`", "");
        m.put(file, new Expectation(file, f[3].trim(), f[4].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /**
   * Decodes bytes permissively, the way a careless crawler's byte-to-String step might: well-formed
   * UTF-8 sequences, and also 3-byte encodings of surrogates (CESU-8/WTF-8), become their chars,
   * so encoded lone surrogates reach the library as lone surrogate chars; any other invalid byte
   * becomes U+FFFD; a NUL stays a NUL char.
   */
  public static String decodePermissive(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int need;
      int cp;
      if (c < 0x80) {
        sb.append((char) c);
        i++;
        continue;
      } else if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
      } else {
        sb.append('\uFFFD');
        i++;
        continue;
      }
      if (i + need >= b.length) {
        sb.append('\uFFFD');
        i++;
        continue;
      }
      boolean ok = true;
      for (int j = 1; j <= need; j++) {
        int cc = b[i + j] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
      if (!ok || cp < min || cp > 0x10FFFF) {
        sb.append('\uFFFD');
        i++;
        continue;
      }
      sb.appendCodePoint(cp);
      i += need + 1;
    }
    return sb.toString();
  }

  /** Every byte as the char of the same value (ISO-8859-1): NULs and C1 controls included. */
  public static String decodeLatin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** The inputs too big to store, each built on demand. */
  public static List<Generated> generated() {
    List<Generated> g = new ArrayList<>();
    g.add(new Generated("gen:single-line-100MB", SINGLE_LINE_CHARS, () -> singleLine(SINGLE_LINE_CHARS)));
    g.add(new Generated("gen:one-char-lines-1M", 2L * ONE_CHAR_LINES, () -> oneCharLines(ONE_CHAR_LINES)));
    g.add(new Generated("gen:same-paragraph-10k", 10_000L * 400, () -> sameParagraph(SAME_PARAGRAPH_TIMES)));
    g.add(new Generated("gen:combining-marks-1000-deep", 100_000, () -> stackedMarks(MARK_DEPTH)));
    g.add(new Generated("gen:regex-backtracking-100k-lines", 4_000_000, HostileCorpus::backtrackingLines));
    return g;
  }

  /**
   * One line of {@code chars} chars: a 64 Ki-char block of pseudo-random lower-case words and
   * spaces, repeated (so that generation takes well under a second), no line end.
   */
  public static String singleLine(int chars) {
    String block = randomWords(Math.min(chars, 1 << 16));
    StringBuilder sb = new StringBuilder(chars);
    while (sb.length() + block.length() <= chars) {
      sb.append(block);
    }
    sb.append(block, 0, chars - sb.length());
    if (sb.charAt(chars - 1) == ' ') {
      sb.setCharAt(chars - 1, 'z');
    }
    return sb.toString();
  }

  private static String randomWords(int chars) {
    StringBuilder sb = new StringBuilder(chars);
    SplittableRandom r = new SplittableRandom(1);
    while (sb.length() < chars) {
      int len = 1 + r.nextInt(10);
      for (int i = 0; i < len && sb.length() < chars; i++) {
        sb.append((char) ('a' + r.nextInt(26)));
      }
      if (sb.length() < chars) {
        sb.append(' ');
      }
    }
    if (sb.charAt(chars - 1) == ' ') {
      sb.setCharAt(chars - 1, 'z');
    }
    return sb.toString();
  }

  /** {@code n} lines of one character each (cycling over a few scripts), LF-terminated. */
  public static String oneCharLines(int n) {
    String alphabet = "ab1.ع\u0661я中-x";
    StringBuilder sb = new StringBuilder(2 * n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(i % alphabet.length())).append('\n');
    }
    return sb.toString();
  }

  /** The same paragraph {@code times} times, separated by blank lines. */
  public static String sameParagraph(int times) {
    String p = "The central bank kept its main interest rate unchanged on Thursday, saying inflation"
        + " was easing but remained above its target, and it signalled that cuts could come later"
        + " in the year if prices continued to cool. أبقى البنك المركزي سعر الفائدة دون تغيير يوم"
        + " الخميس مشيرا إلى تباطؤ التضخم.";
    StringBuilder sb = new StringBuilder((p.length() + 2) * times);
    for (int i = 0; i < times; i++) {
      sb.append(p).append("\n\n");
    }
    return sb.toString();
  }

  /**
   * Lines of letters each carrying {@code depth} stacked combining marks (Latin acute and
   * diaeresis, Arabic fatha and shadda, enclosing circle), plus one line of marks with no base.
   */
  public static String stackedMarks(int depth) {
    String[] bases = {"a", "e", "ب", "я", "中"};
    String[] marks = {"\u0301", "\u0308", "\u064E", "\u0651", "\u20DD"};
    StringBuilder sb = new StringBuilder();
    for (int line = 0; line < bases.length; line++) {
      for (int w = 0; w < 10; w++) {
        sb.append(bases[(line + w) % bases.length]);
        for (int d = 0; d < depth; d++) {
          sb.append(marks[(line + d) % marks.length]);
        }
        sb.append(' ');
      }
      sb.append('\n');
    }
    sb.append("\u0301".repeat(depth)).append('\n');
    return sb.toString();
  }

  /**
   * Every line of {@code regex-seeds.txt}, and near-matches of every cue phrase of the
   * boilerplate lexicons (each phrase with its last character changed, separated by varied
   * punctuation), each repeated to a line of {@link #BACKTRACK_LINE_CHARS} chars.
   */
  public static String backtrackingLines() {
    List<String> units = new ArrayList<>();
    try {
      for (String s : Files.readAllLines(dir().resolve("regex-seeds.txt"), StandardCharsets.UTF_8)) {
        if (!s.isEmpty()) {
          units.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    units.addAll(cueNearMatches());
    StringBuilder sb = new StringBuilder(units.size() * (BACKTRACK_LINE_CHARS + 1));
    for (String u : units) {
      int start = sb.length();
      while (sb.length() - start < BACKTRACK_LINE_CHARS) {
        sb.append(u);
      }
      sb.setLength(start + BACKTRACK_LINE_CHARS);
      sb.append('\n');
    }
    return sb.toString();
  }

  /** One unit per cue lexicon: all its phrases, each slightly broken, glued by punctuation. */
  static List<String> cueNearMatches() {
    List<String> out = new ArrayList<>();
    String seps = " :|-/·،";
    for (String lang : Lexicon.builtinLanguages().stream().sorted().toList()) {
      var in = HostileCorpus.class.getResourceAsStream("/io/github/syndic/boilerplate/cues/" + lang + ".tsv");
      if (in == null) {
        continue;
      }
      StringBuilder u = new StringBuilder();
      try (in) {
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int i = 0;
        for (String row : all.split("\n")) {
          String[] f = row.split("\t");
          if (row.startsWith("#") || f.length < 3 || f[2].isBlank()) {
            continue;
          }
          String p = f[2].strip();
          u.append(p, 0, p.length() - 1).append(seps.charAt(i++ % seps.length()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (u.length() > 0) {
        out.add(u.toString());
      }
    }
    return out;
  }

  /** Writes every generated input to {@code args[0]} as UTF-8 files named after the input. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "hostile-generated");
    Files.createDirectories(out);
    for (Generated g : generated()) {
      Path f = out.resolve(g.name().substring(4) + ".txt");
      Files.writeString(f, g.text().get(), StandardCharsets.UTF_8);
      System.out.println(f + " " + Files.size(f) + " bytes");
    }
  }
}
