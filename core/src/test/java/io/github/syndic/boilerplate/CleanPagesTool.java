package io.github.syndic.boilerplate;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.text.BlockSegmenter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the kept lines of every {@code *.txt} page of a folder (page layout on) into an output
 * folder, for {@code score.py boiler}, and prints the removals per kind.
 *
 * <p>Usage: {@code CleanPagesTool PAGES_DIR OUT_DIR [article]} (article: page layout off).
 */
public final class CleanPagesTool {
  private CleanPagesTool() {}

  public static void main(String[] args) throws Exception {
    Path pages = Path.of(args[0]);
    Path out = Path.of(args[1]);
    boolean article = args.length > 2 && args[2].equals("article");
    Files.createDirectories(out);
    BoilerplateClassifier c = BoilerplateClassifier.create(
        article ? BoilerplateConfig.defaults() : BoilerplateConfig.pages());
    Map<RemovalKind, Integer> kinds = new EnumMap<>(RemovalKind.class);
    List<Path> files;
    try (Stream<Path> s = Files.list(pages)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path p : files) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      List<Block> blocks = BlockSegmenter.lines(text);
      Set<Integer> removed = new HashSet<>();
      StringBuilder why = new StringBuilder();
      for (Removal r : c.classify(blocks, null)) {
        removed.add(r.block().index());
        why.append(r.block().line()).append('\t').append(r.kind().label()).append('\t')
            .append(r.reason()).append('\n');
        kinds.merge(r.kind(), 1, Integer::sum);
      }
      List<String> kept = new ArrayList<>();
      for (Block b : blocks) {
        if (!removed.contains(b.index())) {
          kept.add(b.text());
        }
      }
      if (System.getProperty("why") != null) {
        Path w = Path.of(System.getProperty("why"));
        Files.createDirectories(w);
        Files.writeString(w.resolve(p.getFileName()), why.toString(), StandardCharsets.UTF_8);
      }
      Files.writeString(out.resolve(p.getFileName()), String.join("\n", kept) + "\n",
          StandardCharsets.UTF_8);
    }
    System.out.println("pages=" + files.size() + " removed per kind: " + kinds);
  }
}
