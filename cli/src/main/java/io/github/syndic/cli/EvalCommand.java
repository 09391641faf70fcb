package io.github.syndic.cli;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.feed.MetaTable;
import io.github.syndic.cli.eval.BoilerplateScore;
import io.github.syndic.cli.eval.NearDupScore;
import io.github.syndic.index.BatchDeduplicator;
import io.github.syndic.index.Clusters;
import io.github.syndic.index.Doc;
import io.github.syndic.index.IndexConfig;
import java.io.StringWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code syndic eval}: scores syndic against labelled data (the formats of the eval sets). */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Scores syndic against labelled data; prints the figures of the reference"
        + " scorer score.py.",
    subcommands = {EvalCommand.Boilerplate.class, EvalCommand.NearDup.class})
final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "say what to evaluate: boilerplate or neardup");
  }

  /** Page ids: names of pages/*.txt without the extension, sorted. */
  static List<String> pageIds(Path pages) throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> s = Files.list(pages)) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
          .forEach(n -> ids.add(n.substring(0, n.length() - 4)));
    }
    ids.sort(null);
    return ids;
  }

  static List<String[]> readTsv(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  static int column(String[] header, String name, Path file) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].trim().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(file + " has no column '" + name + "'");
  }

  /** {@code syndic eval boilerplate DIR}. */
  @Command(name = "boilerplate", mixinStandardHelpOptions = true,
      description = {"Cleans DIR/pages/*.txt and scores the result against DIR/labels/*.labels",
          "(word-4-gram P/R/F1 against the KEEP lines; line-level DROP precision/recall).",
          "The data is not shipped: the README's figures use ../shared/eval/boilerplate/aeb, the",
          "181 pages of the Article Extraction Benchmark (github scrapinghub/",
          "article-extraction-benchmark) as naive-scraper lines with KEEP/DROP labels."})
  static final class Boilerplate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A folder with pages/ and labels/.")
    Path dir;

    @Option(names = "--write", paramLabel = "OUTDIR",
        description = "Also write each cleaned page to OUTDIR/<id>.txt.")
    Path write;

    @Option(names = "--layout", paramLabel = "LAYOUT",
        description = "auto, article or page (default: ${DEFAULT-VALUE}, as 'syndic clean').")
    CleanCommand.Layout layout = CleanCommand.Layout.auto;

    @Option(names = "--cleaned", paramLabel = "CLEANDIR",
        description = "Score these cleaned files instead of cleaning the pages.")
    Path cleaned;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Path pages = dir.resolve("pages");
      Path labels = dir.resolve("labels");
      if (!Files.isDirectory(pages) || !Files.isDirectory(labels)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            dir + " must hold pages/ and labels/ folders");
      }
      Cleaner cleaner = Cleaner.create(CleanCommand.config(spec, layout, null, List.of()));
      BoilerplateScore score = new BoilerplateScore();
      Map<RemovalKind, Integer> kinds = new EnumMap<>(RemovalKind.class);
      Map<String, Integer> layouts = new java.util.TreeMap<>();
      for (String id : pageIds(pages)) {
        String page = Files.readString(pages.resolve(id + ".txt"), StandardCharsets.UTF_8);
        Path lab = labels.resolve(id + ".labels");
        String labText = Files.exists(lab) ? Files.readString(lab, StandardCharsets.UTF_8) : "";
        String result;
        if (cleaned != null) {
          Path c = cleaned.resolve(id + ".txt");
          result = Files.exists(c) ? Files.readString(c, StandardCharsets.UTF_8) : "";
        } else {
          CleanResult r = cleaner.clean(page);
          layouts.merge(r.layout().label(), 1, Integer::sum);
          r.countsByKind().forEach((k, v) -> kinds.merge(k, v, Integer::sum));
          result = r.text();
          if (write != null) {
            AtomicFiles.write(write.resolve(id + ".txt"), result);
          }
        }
        score.add(page, labText, result);
      }
      out.println(score.describe());
      if (!layouts.isEmpty()) {
        StringBuilder sb = new StringBuilder("layout:");
        layouts.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        out.println(sb);
      }
      if (!kinds.isEmpty()) {
        StringBuilder sb = new StringBuilder("removed:");
        kinds.forEach((k, v) -> sb.append(' ').append(k.label()).append('=').append(v));
        out.println(sb);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code syndic eval neardup DIR}. */
  @Command(name = "neardup", mixinStandardHelpOptions = true,
      description = {"Scores clusters of DIR/docs against DIR/pairs.tsv (pair P/R/F1, strict and",
          "lenient). Clusters come from --pred, or from running syndic dedup over DIR/docs.",
          "The data is not shipped: the README's figures use ../shared/eval/neardup/",
          "saudinewsnet_ar, 4,552 Arabic articles of SaudiNewsNet (github inparallel/",
          "SaudiNewsNet) with silver pair labels derived from word alignment."})
  static final class NearDup implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A folder with docs.tsv, pairs.tsv and docs/.")
    Path dir;

    @Option(names = "--pred", paramLabel = "CLUSTERS",
        description = "A clusters TSV (header with doc_id and cluster_id) to score instead of"
            + " clustering DIR/docs.")
    Path pred;

    @Option(names = "--write", paramLabel = "FILE",
        description = "Also write the clusters syndic found to FILE (TSV).")
    Path write;

    @Option(names = "--prefer-source", split = ",", paramLabel = "SRC",
        description = "Preferred canonical sources, in order.")
    List<String> preferred = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Path docsTsv = dir.resolve("docs.tsv");
      Path pairsTsv = dir.resolve("pairs.tsv");
      if (!Files.exists(docsTsv) || !Files.exists(pairsTsv)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            dir + " must hold docs.tsv and pairs.tsv");
      }
      MetaTable meta = FeedDocs.readMeta(docsTsv); // id -> source, time
      Set<String> ids = meta.ids();
      List<String[]> pairRows = readTsv(pairsTsv);
      String[] ph = pairRows.get(0);
      int a = column(ph, "doc_a", pairsTsv);
      int b = column(ph, "doc_b", pairsTsv);
      int l = column(ph, "label", pairsTsv);
      List<String[]> pairs = new ArrayList<>();
      for (String[] r : pairRows.subList(1, pairRows.size())) {
        pairs.add(new String[] {r[a], r[b], r[l]});
      }
      List<String[]> clusters;
      if (pred != null) {
        List<String[]> rows = readTsv(pred);
        int pd = column(rows.get(0), "doc_id", pred);
        int pc = column(rows.get(0), "cluster_id", pred);
        clusters = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
          if (r.length > Math.max(pd, pc)) {
            clusters.add(new String[] {r[pd], r[pc]});
          }
        }
      } else {
        // Cluster DIR/docs with the default settings, sources and times from docs.tsv.
        FeedDocs reader = new FeedDocs(spec.commandLine().getErr(), StandardCharsets.UTF_8,
            "source");
        List<FeedDocs.Doc> read = reader.read(List.of(dir.resolve("docs")),
            meta);
        List<Doc> docs = new ArrayList<>(read.size());
        for (FeedDocs.Doc d : read) {
          docs.add(new Doc(d.id(), d.text(), d.published(), d.source()));
        }
        IndexConfig config = IndexConfig.defaults();
        if (!preferred.isEmpty()) {
          config = config.toBuilder().preferredSources(preferred).build();
        }
        Clusters c = new BatchDeduplicator(config).run(docs);
        StringWriter tsv = new StringWriter();
        c.writeTsv(tsv);
        if (write != null) {
          AtomicFiles.write(write, tsv.toString());
        }
        clusters = new ArrayList<>();
        for (String[] r : c.clusterOfDoc().entrySet().stream()
            .map(e -> new String[] {e.getKey(), e.getValue()}).sorted((x, y) -> x[0].compareTo(y[0]))
            .toList()) {
          clusters.add(r);
        }
        out.println("config: " + config);
      }
      out.println(NearDupScore.score(ids, NearDupScore.labels(pairs), clusters).describe());
      out.flush();
      return 0;
    }
  }
}
