package io.github.syndic.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.syndic.feed.FeedTimes;
import io.github.syndic.index.BatchDeduplicator;
import io.github.syndic.index.Clusters;
import io.github.syndic.index.Doc;
import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.IndexLock;
import io.github.syndic.index.IndexLockedException;
import io.github.syndic.index.Match;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.Neighbor;
import io.github.syndic.index.SnapshotException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
      "Exit status: 0 success, 1 some input failed (named on stderr), 2 usage error, 3 the",
      "--index is in use by another run (its pid and host are named; see --wait).",
      "A bad record is named as FILE:LINE: REASON and skipped; the others are read. JSON Lines",
      "lines may be up to " + (JsonLines.MAX_LINE_BYTES >> 20) + " MiB; ids are non-empty, at most "
          + Records.MAX_ID_CHARS + " chars, without tab, line break or",
      "other control characters. Times ('published', --meta): ISO-8601 with or without a zone",
      "(none = UTC; a date alone = midnight UTC), RFC 1123 (Tue, 3 Jun 2008 11:05:30 GMT), or",
      "epoch seconds or milliseconds (see --time-unit). A time syndic cannot read keeps its",
      "document, without a time, and is counted in the summary."
    })
final class DedupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "Directories of .txt files (id = file name without .txt), JSON Lines files"
          + " (.jsonl or .json: id, text, optional title, source, published), or - for JSON Lines"
          + " on standard input.")
  List<Path> inputs;

  @Option(names = "--clusters", required = true, paramLabel = "FILE",
      description = "Write doc_id<TAB>cluster_id rows (with header); every document once. -"
          + " is standard output; a FIFO or device is written through; a symbolic link's target"
          + " is replaced.")
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
      description = "Keep the index in DIR between runs (DIR/index.syndic, replaced atomically)."
          + " One run at a time: DIR/index.lock is locked for the whole run.")
  Path indexDir;

  @Option(names = "--window", paramLabel = "DURATION",
      description = "With --index: forget documents older than this before the newest one"
          + " (e.g. 72h, 7d, or 'none'; default: the index's own, 7d for a new index). An"
          + " existing index keeps its window unless --reconfigure is given.")
  String window;

  /** The window of a new index when --window is not given. */
  static final String DEFAULT_WINDOW = "7d";

  @Option(names = "--reconfigure",
      description = "With --index: give the index the --window of this run (the one setting"
          + " that may change: it decides what is evicted from now on).")
  boolean reconfigure;

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

  @Option(names = "--time-unit", paramLabel = "UNIT",
      description = "How numeric times ('published', or the --meta time column) are read: auto"
          + " (below 10^11 in magnitude: seconds, else milliseconds), s or ms. Default:"
          + " ${DEFAULT-VALUE}.")
  Records.TimeUnit timeUnit = Records.TimeUnit.auto;

  @Option(names = "--wait", arity = "0..1", fallbackValue = "forever", paramLabel = "DURATION",
      description = "With --index: when another run holds the index, wait for it (at most"
          + " DURATION, e.g. 10m; without a value: as long as it takes) instead of failing at"
          + " once with status 3.")
  String waitFor;

  /** Documents the index refused (a limit, a far-future time); each was named on stderr. */
  private int refusedDocs;

  /** Exit status when the index is held by another run. */
  static final int INDEX_BUSY = 3;

  /**
   * Runs between the outputs and the snapshot: a test throws from it to stand for a process killed
   * at that instant (no snapshot is written). Does nothing otherwise.
   */
  static volatile Runnable beforeSnapshot = () -> { };

  /** What {@code --wait} without a duration waits: without end (saturated in the lock). */
  private static final Duration WAIT_FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

  InputStream stdin = System.in;

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
          .window(parseWindow(window == null ? DEFAULT_WINDOW : window))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    checkPaths();
    if (reconfigure && (indexDir == null || window == null)) {
      throw new ParameterException(spec.commandLine(),
          "--reconfigure needs --index and the new --window");
    }
    Duration wait = null;
    if (waitFor != null) {
      if (indexDir == null) {
        throw new ParameterException(spec.commandLine(), "--wait needs --index");
      }
      try {
        wait = waitFor.equals("forever") ? Duration.ZERO : parseWindow(waitFor);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--wait must look like 30s, 10m, 1h or"
            + " PT90S, got '" + waitFor + "'");
      }
      if (wait == null) {
        wait = Duration.ZERO;
      }
    }
    // The lock comes first: a run overlapping another waits (or fails) before reading anything,
    // and an index directory that cannot be written fails before the batch is processed.
    IndexLock lock = null;
    if (indexDir != null) {
      try {
        // --wait without a value (Duration.ZERO here) waits without end
        lock = wait == null ? IndexLock.tryAcquire(indexDir)
            : IndexLock.acquire(indexDir, wait.isZero() ? WAIT_FOREVER : wait);
      } catch (IndexLockedException e) {
        err.println("syndic: " + e.getMessage()
            + (wait == null ? "; wait for it with --wait[=DURATION]" : "; gave up waiting"));
        err.flush();
        return INDEX_BUSY;
      } catch (UncheckedIOException e) {
        err.println("syndic: cannot use index directory " + indexDir + ": "
            + InputFiles.reason(e.getCause()));
        err.flush();
        return 1;
      }
    }
    // SIGINT/SIGTERM during the index's save: the hook deletes the temporary snapshot
    Runnable sweep = lock == null ? null : lock::removeTemporarySnapshots;
    if (sweep != null) {
      AtomicFiles.alsoAtShutdown(sweep);
    }
    try {
      return run(config, err, charset);
    } finally {
      if (lock != null) {
        AtomicFiles.forget(sweep);
        lock.close();
      }
    }
  }

  private int run(IndexConfig config, PrintWriter err, Charset charset) throws IOException {
    // an HTML page joins as its article, cleaned with the page's structure
    io.github.syndic.Cleaner pages = io.github.syndic.Cleaner.news();
    FeedDocs reader = new FeedDocs(err, charset, sourceField, timeUnit, stdin,
        h -> pages.cleanHtml(h, "").text());
    List<FeedDocs.Doc> read = reader.read(inputs, meta == null ? null : FeedDocs.readMeta(meta));
    List<Doc> docs = new ArrayList<>(read.size());
    Set<String> ids = new HashSet<>();
    int untimed = 0;
    for (FeedDocs.Doc d : read) {
      if (!ids.add(d.id())) {
        err.println("syndic: duplicate document id '" + Main.printable(d.id())
            + "' (the later one is skipped)");
        reader.failures++;
        continue;
      }
      if (d.published() == null) {
        untimed++;
      }
      String text = d.title() == null ? d.text() : d.title() + "\n" + d.text();
      docs.add(new Doc(d.id(), text, d.published(), d.source()));
    }
    if (indexDir != null && config.window() != null && untimed > 0 && !quiet) {
      err.println("syndic: " + untimed + (untimed == 1 ? " document has" : " documents have")
          + " no time (no 'published', no --meta time): --window cannot evict "
          + (untimed == 1 ? "it" : "them"));
    }
    StringWriter clusters = new StringWriter();
    StringWriter pairs = new StringWriter();
    String summary;
    if (indexDir == null) {
      Clusters c = new BatchDeduplicator(config).run(docs);
      c.writeTsv(clusters);
      int inClusters = 0;
      for (Clusters.Cluster k : c.clusters()) {
        inClusters += k.members().size() > 1 ? k.members().size() : 0;
      }
      for (Clusters.Link l : c.links()) {
        pair(pairs, l.a(), l.b(), l.relation().name(), l.jaccard(), l.containmentOfA(),
            l.containmentOfB(), l.joined());
      }
      summary = String.format(Locale.ROOT, "syndic: %d documents, %d clusters (%d documents in"
          + " clusters of two or more)", docs.size(), c.clusters().size(), inClusters);
      writeOutputs(clusters, pairs);
    } else {
      summary = incremental(config, docs, clusters, pairs, err);
      if (summary == null) {
        return 1;
      }
    }
    if (reader.badTimes > 0) {
      summary += ", " + reader.badTimes + " with an unreadable time";
    }
    if (!quiet) {
      err.println(summary);
    }
    err.flush();
    return reader.failures + refusedDocs > 0 ? 1 : 0;
  }

  /** Usage errors for output paths: a directory, or the same path twice. */
  private void checkPaths() {
    for (Path p : pairsFile == null ? List.of(clustersFile) : List.of(clustersFile, pairsFile)) {
      if (!p.toString().equals("-") && Files.isDirectory(p)) {
        throw new ParameterException(spec.commandLine(), p + " is a directory; --clusters and"
            + " --pairs name files");
      }
    }
    if (pairsFile != null && pairsFile.equals(clustersFile)) {
      throw new ParameterException(spec.commandLine(), "--clusters and --pairs name the same"
          + " file " + pairsFile);
    }
  }

  private void writeOutputs(StringWriter clusters, StringWriter pairs) throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    try (AtomicFiles.Pending c = AtomicFiles.open(clustersFile, true, stdout);
        AtomicFiles.Pending p = pairsFile == null ? null
            : AtomicFiles.open(pairsFile, true, stdout)) {
      c.stream().write(clusters.toString().getBytes(StandardCharsets.UTF_8));
      if (p != null) {
        p.stream().write(pairs.toString().getBytes(StandardCharsets.UTF_8));
        p.commit();
      }
      c.commit();
    }
  }

  private String incremental(IndexConfig config, List<Doc> docs, StringWriter clusters,
      StringWriter pairs, PrintWriter err) throws IOException {
    Path file = indexDir.resolve("index.syndic");
    NearDuplicateIndex index;
    boolean created = false;
    if (Files.exists(file)) {
      try {
        index = window == null ? NearDuplicateIndex.loadWithStoredWindow(file, config)
            : reconfigure ? NearDuplicateIndex.loadReconfigured(file, config)
            : NearDuplicateIndex.load(file, config);
      } catch (SnapshotException e) {
        String m = e.getMessage().replace("NearDuplicateIndex.loadReconfigured", "--reconfigure");
        err.println("syndic: " + file + ": " + m);
        err.flush();
        return null;
      }
    } else {
      index = NearDuplicateIndex.create(config, docs.size());
      created = true;
    }
    int before = index.size();
    List<Doc> sorted = new ArrayList<>(docs);
    sorted.sort(Comparator.comparing(Doc::timestamp,
        Comparator.nullsLast(Comparator.<Instant>naturalOrder())).thenComparing(Doc::id));
    Set<String> thisRun = new HashSet<>();
    for (Doc d : sorted) {
      thisRun.add(d.id());
    }
    List<String> listed = new ArrayList<>();
    java.util.Map<String, String> canonicalAtAdd = new java.util.HashMap<>();
    int already = 0;
    int refused = 0;
    int duplicates = 0;
    int joinedEarlier = 0;
    Progress progress = new Progress(err, !quiet && Terminals.stderr(), sorted.size(),
        "documents", false);
    for (Doc d : sorted) {
      progress.step();
      if (index.contains(d.id())) {
        already++; // a re-run: the document keeps its cluster, listed again from the index
        listed.add(d.id());
        continue;
      }
      Match m;
      try {
        m = index.add(d);
      } catch (IllegalArgumentException e) { // a limit, a far-future or pre-1990 time: that document only
        err.println("syndic: document '" + Main.printable(d.id()) + "' skipped: "
            + e.getMessage());
        refused++;
        continue;
      }
      listed.add(d.id());
      canonicalAtAdd.put(d.id(), m.canonicalId());
      boolean dup = false;
      boolean earlier = false;
      for (Neighbor n : m.neighbors()) {
        boolean links = config.policy().links(n.relation());
        pair(pairs, d.id(), n.id(), n.relation().name(), n.jaccard(), n.containmentOfQuery(),
            n.containmentOfIndexed(), links);
        if (links) {
          dup = true;
          earlier |= !thisRun.contains(n.id());
        }
      }
      duplicates += dup ? 1 : 0;
      joinedEarlier += earlier ? 1 : 0;
    }
    progress.finish();
    clusters.write("doc_id\tcluster_id\n");
    Set<String> canon = new HashSet<>();
    for (String id : listed) {
      String c = index.canonicalOf(id);
      if (c == null) {
        c = canonicalAtAdd.get(id); // evicted by a newer document of this run: its last cluster
      }
      canon.add(c);
      clusters.write(id + "\t" + c + "\n");
    }
    int added = listed.size() - already;
    refusedDocs = refused;
    int evicted = before + added - index.size();
    // The outputs are written before the snapshot is committed: a kill in between leaves the
    // index without this run's documents, and a re-run adds them again with the same clusters.
    writeOutputs(clusters, pairs);
    beforeSnapshot.run();
    Files.createDirectories(indexDir);
    index.save(file);
    StringBuilder sb = new StringBuilder("syndic: ");
    if (created) {
      sb.append("created a new index in ").append(indexDir).append("; ");
    }
    sb.append(String.format(Locale.ROOT, "%d documents: %d new, %d already in the index;"
        + " %d duplicates found (%d joined clusters of earlier runs); %d evicted; %d clusters"
        + " listed; the index holds %d documents", docs.size(), added, already, duplicates,
        joinedEarlier, evicted, canon.size(), index.size()));
    return sb.toString();
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

  /** A duration as {@link FeedTimes#parseDuration} reads it (null for none). */
  static Duration parseWindow(String s) {
    try {
      return FeedTimes.parseDuration(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--window must look like 72h, 7d, PT12H or none, got '"
          + s + "'");
    }
  }
}
