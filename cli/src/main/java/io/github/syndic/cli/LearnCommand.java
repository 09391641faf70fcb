package io.github.syndic.cli;

import io.github.syndic.doc.Block;
import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.text.BlockSegmenter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code syndic learn}: learns what each source repeats across its documents. */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description = {
      "Learns source templates: the lines a source repeats across many of its documents",
      "(menus, sign-offs, contact boxes). Apply one with 'syndic clean --profile FILE'."
    },
    footer = {
      "",
      "Output: with one group of documents (no source known), -o names the model file; with",
      "several sources, -o names a directory that receives one <source>.model file per source.",
      "The same documents give the same models in any order."
    })
final class LearnCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "Directories of .txt files (one document each) or JSON Lines files.")
  List<Path> inputs;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT",
      description = "The model file, or a directory for one model per source.")
  Path out;

  @Option(names = "--source-field", paramLabel = "NAME",
      description = "The JSON field naming a document's source (default: ${DEFAULT-VALUE}).")
  String sourceField = "source";

  @Option(names = "--meta", paramLabel = "TSV",
      description = "For directories: a TSV with doc_id and source columns.")
  Path meta;

  @Option(names = "--min-share", paramLabel = "S",
      description = "Least share of a source's documents holding a line for it to be template"
          + " (default: ${DEFAULT-VALUE}).")
  double minShare = TemplateModel.DEFAULT_MIN_SHARE;

  @Option(names = "--min-count", paramLabel = "N",
      description = "Least number of documents holding a line (default: ${DEFAULT-VALUE}).")
  int minCount = TemplateModel.DEFAULT_MIN_COUNT;

  @Option(names = "--charset", paramLabel = "NAME", description = "Input encoding (default: UTF-8).")
  String charsetName = "UTF-8";

  @Option(names = {"-q", "--quiet"}, description = "No report on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Charset charset = CleanCommand.charset(spec, charsetName);
    if (!(minShare > 0 && minShare <= 1) || minCount < 2) {
      throw new ParameterException(spec.commandLine(),
          "--min-share must be in (0, 1] and --min-count >= 2, got " + minShare + " and "
              + minCount);
    }
    FeedDocs reader = new FeedDocs(err, charset, sourceField);
    List<FeedDocs.Doc> docs = reader.read(inputs, meta == null ? null : FeedDocs.readMeta(meta));
    Map<String, List<FeedDocs.Doc>> bySource = new TreeMap<>();
    for (FeedDocs.Doc d : docs) {
      bySource.computeIfAbsent(d.source() == null ? "" : d.source(), k -> new ArrayList<>()).add(d);
    }
    if (bySource.isEmpty()) {
      err.println("syndic: no documents found");
      err.flush();
      return 1;
    }
    boolean single = bySource.size() == 1 && bySource.containsKey("");
    if (!single && Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(),
          "several sources need a directory for -o, but " + out + " is a file");
    }
    Progress progress = new Progress(err, !quiet && Terminals.stderr(), docs.size(),
        "documents", false);
    for (var e : bySource.entrySet()) {
      TemplateModel.Builder b = TemplateModel.builder(minShare, minCount);
      for (FeedDocs.Doc d : e.getValue()) {
        b.addDocument(d.text());
        progress.step();
      }
      progress.clear();
      TemplateModel model = b.build();
      String name = e.getKey().isEmpty() ? "_nosource" : e.getKey();
      Path target = single ? out : out.resolve(safeName(name) + ".model");
      AtomicFiles.write(target, model.toBytes());
      if (!quiet) {
        err.println(report(single ? "(all)" : name, model, e.getValue()));
      }
    }
    err.flush();
    return reader.failures > 0 ? 1 : 0;
  }

  static String safeName(String source) {
    String s = source.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
  }

  /** One paragraph per source: documents, template lines, the most frequent ones. */
  private static String report(String name, TemplateModel model, List<FeedDocs.Doc> docs) {
    Map<Long, String> example = new LinkedHashMap<>();
    for (FeedDocs.Doc d : docs) {
      for (Block b : BlockSegmenter.lines(d.text())) {
        long fp = TemplateModel.fingerprint(b.text());
        if (model.isTemplate(fp)) {
          example.putIfAbsent(fp, b.text());
        }
      }
    }
    long[][] entries = model.templateEntries();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "syndic: source %s: %d documents, %d template lines", name, model.documents(),
        entries.length));
    for (int i = 0; i < Math.min(5, entries.length); i++) {
      String t = example.getOrDefault(entries[i][0], "?");
      if (t.length() > 70) {
        t = t.substring(0, 70) + "…";
      }
      sb.append(String.format(Locale.ROOT, "%n  %6d× %s", entries[i][1], t));
    }
    return sb.toString();
  }
}
