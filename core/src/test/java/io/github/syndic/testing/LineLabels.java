package io.github.syndic.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@code *.labels.tsv} file (the seed format: line, label, kind, twin, why) and finds the
 * project's {@code testdata/} and the optional {@code ../shared/eval/} folders.
 */
public final class LineLabels {
  /** One labelled line. */
  public record Label(int line, boolean keep, String kind, Integer twin, String why) {}

  private final Map<Integer, Label> byLine;

  private LineLabels(Map<Integer, Label> byLine) {
    this.byLine = byLine;
  }

  /** Parses a labels file. */
  public static LineLabels read(Path path) {
    Map<Integer, Label> m = new TreeMap<>();
    try {
      for (String row : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        if (row.isBlank() || row.startsWith("#") || row.startsWith("line\t")) {
          continue;
        }
        String[] f = row.split("\t", -1);
        int line = Integer.parseInt(f[0].trim());
        boolean keep = f[1].trim().equals("keep");
        String kind = f.length > 2 && !f[2].isBlank() ? f[2].trim() : null;
        Integer twin = f.length > 3 && !f[3].isBlank() ? Integer.valueOf(f[3].trim()) : null;
        String why = f.length > 4 ? f[4] : "";
        m.put(line, new Label(line, keep, kind, twin, why));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LineLabels(Collections.unmodifiableMap(m));
  }

  /** Label of a line (1-based), or null for an unlabelled (blank) line. */
  public Label get(int line) {
    return byLine.get(line);
  }

  /** All labels in line order. */
  public List<Label> all() {
    return new ArrayList<>(byLine.values());
  }

  /** The project's testdata folder (walks up from the working directory). */
  public static Path testdata() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null) {
      Path t = p.resolve("testdata");
      if (Files.isDirectory(t.resolve("seeds"))) {
        return t;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("testdata/ not found above " + Paths.get("").toAbsolutePath());
  }

  /** {@code ../shared/eval} beside the repository, or null when absent. */
  public static Path sharedEval() {
    Path repo = testdata().getParent();
    Path e = repo.getParent() == null ? null : repo.getParent().resolve("shared").resolve("eval");
    return e != null && Files.isDirectory(e) ? e : null;
  }
}
