package io.github.syndic.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.syndic.index.BatchDeduplicator;
import io.github.syndic.index.Clusters;
import io.github.syndic.index.Doc;
import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.Match;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.Neighbor;
import io.github.syndic.index.SnapshotException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code syndic dedup}: clusters near-duplicate documents of a feed. */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = {
      "Finds near-duplicate documents (the same story from several outlets) and clusters them.",
      "Without --index the whole batch is clustered at once and the clusters do not depend on",
      "the input order; with --index the documents are added to a persistent index in (time, id)",
      "order, and the clusters of this run's documents are written."
    },
    footer = {
      "",
      "Exit status: 0 success, 1 some input failed (named on stderr), 2 usage error."
    })
final class DedupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "Directories of .txt files (id = file name without .txt) or JSON Lines files"
          + " (id, text, optional title, source, published).")
  List<Path> inputs;

  @Option(names = "--clusters", required = true, paramLabel = "FILE",
      description = "Write doc_id<TAB>cluster_id rows (with header); every document once.")
  Path clustersFile;

  @Option(names = "--pairs", paramLabel = "FILE",
      description = "Also write one JSON line per related pair: doc_id, duplicate_of, relation,"
          + " estimated Jaccard and containment both ways.")
  Path pairsFile;

  @Option(names = "--threshold", paramLabel = "T",
      description = "Least share of each document the other must cover to be a duplicate"
          + " (default: ${DEFAULT-VALUE}).")
  double threshold = IndexConfig.DEFAULT_THRESHOLD;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Keep the index in DIR between runs (DIR/index.syndic, replaced atomically).")
  Path indexDir;

  @Option(names = "--window", paramLabel = "DURATION",
      description = "With --index: forget documents older than this before the newest one"
          + " (e.g. 72h, 7d, or 'none'; default: 7d).")
  String window = "7d";

  @Option(names = "--meta", paramLabel = "TSV",
      description = "For directories: a TSV with doc_id and optional source and published (or"
          + " date_extracted) columns.")
  Path meta;

  @Option(names = "--source-field", paramLabel = "NAME",
      description = "The JSON field naming the source (default: ${DEFAULT-VALUE}).")
  String sourceField = "source";

  @Option(names = "--prefer-source", split = ",", paramLabel = "SRC",
      description = "Sources whose copy is canonical in a cluster, in order (e.g. the wire"
          + " agency), after the earliest timestamp.")
  List<String> preferred = new ArrayList<>();

  @Option(names = "--no-clean", description = "Sign the raw text (no boilerplate or in-document"
      + " duplicate removal first).")
  boolean noClean;

  @Option(names = "--no-templates", description = "Do not learn per-source templates.")
  boolean noTemplates;

  @Option(names = "--charset", paramLabel = "NAME", description = "Input encoding (default: UTF-8).")
  String charsetName = "UTF-8";

  @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
  boolean quiet;

  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Charset charset = CleanCommand.charset(spec, charsetName);
    IndexConfig config;
    try {
      config = IndexConfig.builder()
          .threshold(threshold)
          .preferredSources(preferred)
          .clean(!noClean)
          .sourceTemplates(!noTemplates)
          .window(parseWindow(window))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    // an HTML page joins as its article, cleaned with the page's structure
    io.github.syndic.Cleaner pages = io.github.syndic.Cleaner.news();
    FeedDocs reader = new FeedDocs(err, charset, sourceField, h -> pages.cleanHtml(h, "").text());
    List<FeedDocs.Doc> read = reader.read(inputs, meta == null ? null : FeedDocs.readMeta(meta));
    List<Doc> docs = new ArrayList<>(read.size());
    Set<String> ids = new HashSet<>();
    for (FeedDocs.Doc d : read) {
      if (!ids.add(d.id())) {
        err.println("syndic: duplicate document id '" + d.id() + "' (the later one is skipped)");
        reader.failures++;
        continue;
      }
      String text = d.title() == null ? d.text() : d.title() + "\n" + d.text();
      docs.add(new Doc(d.id(), text, d.published(), d.source()));
    }
    StringWriter clusters = new StringWriter();
    StringWriter pairs = new StringWriter();
    int clusterCount;
    if (indexDir == null) {
      Clusters c = new BatchDeduplicator(config).run(docs);
      c.writeTsv(clusters);
      clusterCount = c.clusters().size();
      for (Clusters.Link l : c.links()) {
        pair(pairs, l.a(), l.b(), l.relation().name(), l.jaccard(), l.containmentOfA(),
            l.containmentOfB(), l.joined());
      }
    } else {
      clusterCount = incremental(config, docs, clusters, pairs, err);
      if (clusterCount < 0) {
        return 1;
      }
    }
    AtomicFiles.write(clustersFile, clusters.toString());
    if (pairsFile != null) {
      AtomicFiles.write(pairsFile, pairs.toString());
    }
    if (!quiet) {
      err.println(String.format(Locale.ROOT, "syndic: %d documents, %d clusters", docs.size(),
          clusterCount));
    }
    err.flush();
    return reader.failures > 0 ? 1 : 0;
  }

  private int incremental(IndexConfig config, List<Doc> docs, StringWriter clusters,
      StringWriter pairs, PrintWriter err) throws IOException {
    Path file = indexDir.resolve("index.syndic");
    NearDuplicateIndex index;
    if (Files.exists(file)) {
      try {
        index = NearDuplicateIndex.load(file, config);
      } catch (SnapshotException e) {
        err.println("syndic: " + file + ": " + e.getMessage());
        err.flush();
        return -1;
      }
    } else {
      index = NearDuplicateIndex.create(config, docs.size());
    }
    List<Doc> sorted = new ArrayList<>(docs);
    sorted.sort(Comparator.comparing(Doc::timestamp,
        Comparator.nullsLast(Comparator.<Instant>naturalOrder())).thenComparing(Doc::id));
    List<String> added = new ArrayList<>();
    for (Doc d : sorted) {
      if (index.contains(d.id())) {
        err.println("syndic: document '" + d.id() + "' is already in the index; skipped");
        continue;
      }
      Match m;
      try {
        m = index.add(d);
      } catch (IllegalArgumentException e) { // a limit or a far-future time: that document only
        err.println("syndic: document '" + d.id() + "' skipped: " + e.getMessage());
        continue;
      }
      added.add(d.id());
      for (Neighbor n : m.neighbors()) {
        pair(pairs, d.id(), n.id(), n.relation().name(), n.jaccard(), n.containmentOfQuery(),
            n.containmentOfIndexed(), config.policy().links(n.relation()));
      }
    }
    clusters.write("doc_id\tcluster_id\n");
    Set<String> canon = new HashSet<>();
    for (String id : added) {
      String c = index.canonicalOf(id);
      canon.add(c);
      clusters.write(id + "\t" + c + "\n");
    }
    Files.createDirectories(indexDir);
    index.save(file);
    return canon.size();
  }

  private static void pair(StringWriter w, String a, String b, String relation, double j,
      double ca, double cb, boolean joined) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("doc_id", a);
      g.writeStringField("duplicate_of", b);
      g.writeStringField("relation", relation.toLowerCase(Locale.ROOT).replace('_', '-'));
      g.writeNumberField("jaccard", Math.round(j * 1000) / 1000.0);
      g.writeNumberField("containment", Math.round(ca * 1000) / 1000.0);
      g.writeNumberField("containment_of_other", Math.round(cb * 1000) / 1000.0);
      g.writeBooleanField("clustered", joined);
      g.writeEndObject();
    }
    w.write('\n');
  }

  static Duration parseWindow(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.equals("none")) {
      return null;
    }
    try {
      if (t.endsWith("d")) {
        return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.parse(s.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--window must look like 72h, 7d, PT12H or none, got '"
          + s + "'");
    }
  }
}
