package io.github.syndic.cli;

import io.github.syndic.Block;
import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.Removal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syndic clean}: removes boilerplate and duplicate blocks from scraped text files. */
@Command(name = "clean", mixinStandardHelpOptions = true,
    description = "Removes boilerplate and duplicated paragraphs from text files.")
final class CleanCommand implements Callable<Integer> {
  enum Format { text, annotated }

  @Spec CommandSpec spec;

  @Option(names = "--format", description = "text or annotated (default: ${DEFAULT-VALUE})")
  Format format = Format.text;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or directories.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    Cleaner cleaner = Cleaner.create(CleanerConfig.news());
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".txt")).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      CleanResult r = cleaner.clean(text);
      if (format == Format.text) {
        out.print(r.text());
      } else {
        out.println("== " + f);
        for (Block b : r.blocks()) {
          Removal x = r.removalOf(b);
          if (x == null) {
            out.println(String.format("%4d   keep  %s", b.line(), b.text()));
          } else {
            out.println(String.format("%4d - %s %.2f%s  %s", b.line(), x.kind().label(), x.score(),
                x.twin() == null ? "" : " twin=" + x.twin().line(), b.text()));
          }
        }
      }
    }
    out.flush();
    return 0;
  }
}
