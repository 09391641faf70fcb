package io.github.syndic.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.syndic.feed.FeedTimes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * {@code syndic-spark dedup}: the clusters of {@code syndic dedup}, computed on Spark. Run it with
 * {@code ./syndic-spark} (local mode) or {@code spark-submit --class io.github.syndic.spark.Main}.
 *
 * <p>Not thread-safe (a command).
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "Usage: syndic-spark dedup --clusters FILE [--pairs FILE] [options] INPUT...",
      "Clusters near-duplicate documents exactly as 'syndic dedup' does (batch mode), on Spark.",
      "",
      "INPUT: directories of .txt and .html files (id = file name; pages read as their article),",
      "       JSON Lines files (id, text or html, optional title, source, published), Parquet",
      "       (.parquet, same columns); local or hdfs://, s3a://",
      "  --clusters FILE       doc_id<TAB>cluster_id rows (a .parquet path: a Parquet folder)",
      "  --pairs FILE          related pairs as JSON Lines, as 'syndic dedup --pairs' (or .parquet)",
      "  --threshold T         least share of each document the other covers (default 0.8)",
      "  --window DURATION     compare documents within this time (72h, 7d, none; default 7d)",
      "  --time-unit UNIT      numeric times are auto (seconds below 10^11, else ms), s or ms",
      "  --meta TSV            for directories: doc_id, source, published (or date_extracted)",
      "  --source-field NAME   JSON field naming the source (default source)",
      "  --prefer-source A,B   sources whose copy is canonical, after the earliest time",
      "  --no-clean            sign the raw text",
      "  --no-templates        do not learn per-source templates",
      "  --charset NAME        input encoding of .txt files (default UTF-8)",
      "  --master URL          Spark master (default: the one spark-submit sets, else local[*])",
      "  --band-groups N       join the LSH bands in N shuffles instead of one (default 1)",
      "  -q, --quiet           no summary on stderr",
      "",
      "Exit status: 0 success, 1 some input failed (named on stderr), 2 usage error.");

  /** Shuffle partitions per core in local mode: enough to balance tasks, few enough to be cheap. */
  static final int LOCAL_PARTITIONS_PER_CORE = 4;

  private Main() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.err));
  }

  /** Runs the command; returns the exit status. */
  static int run(String[] args, PrintStream err) {
    return run(args, err, null);
  }

  /**
   * Runs the command on {@code spark} (left open), or on a session of its own when it is null;
   * returns the exit status: 0, 1 (some input or output failed), 2 (usage error).
   */
  static int run(String[] args, PrintStream err, SparkSession spark) {
    Args a;
    try {
      a = Args.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("syndic-spark: " + e.getMessage() + " (see 'syndic-spark --help')");
      return 2;
    }
    if (a == null) {
      System.out.println(USAGE);
      return 0;
    }
    if (spark != null) {
      return dedup(a, spark, err);
    }
    SparkSession own = session(a.master);
    try {
      return dedup(a, own, err);
    } finally {
      own.stop();
    }
  }

  /** A session on {@code master}, else spark.master, else local[*]. */
  private static SparkSession session(String master) {
    SparkSession.Builder b = SparkSession.builder().appName("syndic-spark dedup");
    SparkConf conf = new SparkConf();
    String m = master != null ? master : conf.get("spark.master", "local[*]");
    b.master(m);
    if (m.startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's 200 shuffle partitions cost more in task overhead than they bring on one machine.
      b.config("spark.sql.shuffle.partitions", LOCAL_PARTITIONS_PER_CORE * Math.max(1,
          Runtime.getRuntime().availableProcessors()));
    }
    return b.getOrCreate();
  }

  private static int dedup(Args a, SparkSession spark, PrintStream err) {
    ShuffleMeter meter = ShuffleMeter.attach(spark);
    try {
      long t0 = System.nanoTime();
      Inputs.Read read = Inputs.read(spark, a.inputs,
          new Inputs.Options(a.meta, a.sourceField, a.charset, a.timeUnit));
      for (String m : read.messages()) {
        err.println("syndic-spark: " + m);
      }
      for (String m : read.badTimeNotes()) {
        err.println("syndic-spark: " + m + " is not a time syndic reads (ISO-8601, RFC 1123,"
            + " epoch seconds or milliseconds); the document is kept without a time");
      }
      if (read.badTimes() > read.badTimeNotes().size()) {
        err.println("syndic-spark: more unreadable times; the summary counts them");
      }
      SparkDedup.Result r = SparkDedup.run(spark, read.docs(), a.settings);
      long clusters = writeClusters(r.clusters(), a.clusters);
      if (a.pairs != null) {
        writePairs(r.pairs(), a.pairs);
      }
      if (!a.quiet) {
        err.println(String.format(Locale.ROOT, "syndic-spark: %d documents, %d clusters%s",
            r.stats().getOrDefault("documents", 0L), clusters, read.badTimes() == 0 ? ""
                : ", " + read.badTimes() + " with an unreadable time"));
        err.println(String.format(Locale.ROOT,
            "syndic-spark: %.1f s; %d candidate pairs, %d related, %d template lines,"
                + " %d components rounds; shuffle written %.1f MB, read %.1f MB",
            (System.nanoTime() - t0) / 1e9, r.stats().getOrDefault("candidates", 0L),
            r.stats().getOrDefault("links", 0L),
            r.stats().getOrDefault("template_lines", 0L),
            r.stats().getOrDefault("components_rounds", 0L), meter.written() / 1e6,
            meter.read() / 1e6));
      }
      return read.failures() > 0 ? 1 : 0;
    } catch (IllegalArgumentException | IOException e) {
      err.println("syndic-spark: " + e.getMessage());
      return 1;
    } finally {
      spark.sparkContext().removeSparkListener(meter);
    }
  }

  /** Writes the clusters; returns the number of clusters. */
  static long writeClusters(Dataset<Row> clusters, String out) throws IOException {
    if (isParquet(out)) {
      clusters.write().mode(SaveMode.Overwrite).parquet(out);
      return clusters.select("cluster_id").distinct().count();
    }
    long[] n = {0};
    atomicWrite(Path.of(out), w -> {
      w.write("doc_id\tcluster_id\n");
      String last = null;
      for (Iterator<Row> it = clusters.toLocalIterator(); it.hasNext(); ) {
        Row r = it.next();
        String c = r.getString(1);
        if (!c.equals(last)) {
          n[0]++;
          last = c;
        }
        w.write(r.getString(0));
        w.write('\t');
        w.write(c);
        w.write('\n');
      }
    });
    return n[0];
  }

  private static final JsonFactory JSON =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** Writes the pairs as {@code syndic dedup --pairs} does (scores rounded to 3 decimals). */
  static void writePairs(Dataset<Row> pairs, String out) throws IOException {
    if (isParquet(out)) {
      pairs.write().mode(SaveMode.Overwrite).parquet(out);
      return;
    }
    atomicWrite(Path.of(out), w -> {
      for (Iterator<Row> it = pairs.toLocalIterator(); it.hasNext(); ) {
        Row r = it.next();
        try (JsonGenerator g = JSON.createGenerator(w)) {
          g.writeStartObject();
          g.writeStringField("doc_id", r.getString(0));
          g.writeStringField("duplicate_of", r.getString(1));
          g.writeStringField("relation", r.getString(2));
          g.writeNumberField("jaccard", Math.round(r.getDouble(3) * 1000) / 1000.0);
          g.writeNumberField("containment", Math.round(r.getDouble(4) * 1000) / 1000.0);
          g.writeNumberField("containment_of_other", Math.round(r.getDouble(5) * 1000) / 1000.0);
          g.writeBooleanField("clustered", r.getBoolean(6));
          g.writeEndObject();
        }
        w.write('\n');
      }
    });
  }

  private static boolean isParquet(String out) {
    return out.toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  interface Body {
    void write(Writer w) throws IOException;
  }

  /** Writes a file through a temporary file in the same folder, then renames it. */
  static void atomicWrite(Path file, Body body) throws IOException {
    Path abs = file.toAbsolutePath();
    // the usual permissions (umask), as syndic dedup's outputs, not createTempFile's 0600
    Path tmp = io.github.syndic.internal.TempFiles.create(abs.getParent(),
        abs.getFileName().toString() + ".");
    try {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          1 << 16)) {
        body.write(w);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The parsed command line. */
  static final class Args {
    String clusters;
    String pairs;
    String meta;
    String sourceField = "source";
    String charset = "UTF-8";
    FeedTimes.EpochUnit timeUnit = FeedTimes.EpochUnit.AUTO;
    String master;
    boolean quiet;
    DedupSettings settings;
    private final DedupSettings.Builder builder = DedupSettings.builder();
    private final List<String> preferred = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();

    /** Parses; null for --help. */
    static Args parse(String[] args) {
      List<String> l = new ArrayList<>(Arrays.asList(args));
      if (l.isEmpty() || l.get(0).equals("--help") || l.get(0).equals("-h")
          || l.get(0).equals("help")) {
        return null;
      }
      if (!l.get(0).equals("dedup")) {
        throw new IllegalArgumentException("unknown command '" + l.get(0) + "' (only: dedup)");
      }
      Args a = new Args();
      for (int i = 1; i < l.size(); i++) {
        String s = l.get(i);
        if (s.equals("--help") || s.equals("-h")) {
          return null;
        }
        if (!s.startsWith("-") || s.equals("-")) {
          a.inputs.add(s);
          continue;
        }
        String name = s;
        String value = null;
        int eq = s.indexOf('=');
        if (eq > 0) {
          name = s.substring(0, eq);
          value = s.substring(eq + 1);
        }
        switch (name) {
          case "-q", "--quiet" -> a.quiet = true;
          case "--no-clean" -> a.builder.clean(false);
          case "--no-templates" -> a.builder.sourceTemplates(false);
          default -> {
            if (value == null) {
              if (i + 1 >= l.size()) {
                throw new IllegalArgumentException("missing value for " + name);
              }
              value = l.get(++i);
            }
            a.option(name, value);
          }
        }
      }
      if (a.clusters == null) {
        throw new IllegalArgumentException("missing required option --clusters");
      }
      if (a.inputs.isEmpty()) {
        throw new IllegalArgumentException("missing INPUT");
      }
      a.settings = a.builder.preferredSources(a.preferred).build();
      return a;
    }

    private void option(String name, String value) {
      switch (name) {
        case "--clusters" -> clusters = value;
        case "--pairs" -> pairs = value;
        case "--meta" -> meta = value;
        case "--source-field" -> sourceField = value;
        case "--charset" -> charset = value;
        case "--master" -> master = value;
        case "--threshold" -> builder.threshold(number(name, value));
        case "--window" -> builder.window(window(value));
        case "--time-unit" -> timeUnit = switch (value) {
          case "auto" -> FeedTimes.EpochUnit.AUTO;
          case "s" -> FeedTimes.EpochUnit.SECONDS;
          case "ms" -> FeedTimes.EpochUnit.MILLISECONDS;
          default -> throw new IllegalArgumentException(
              "--time-unit must be auto, s or ms, got '" + value + "'");
        };
        case "--prefer-source" -> preferred.addAll(Arrays.asList(value.split(",")));
        case "--band-groups" -> builder.bandGroups((int) number(name, value));
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }

    private static double number(String name, String value) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " needs a number, got '" + value + "'");
      }
    }

    /** The window forms of {@code syndic dedup} ({@link FeedTimes#parseDuration}). */
    static Duration window(String s) {
      try {
        return FeedTimes.parseDuration(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--window must look like 72h, 7d, PT12H or none, got '" + s + "'");
      }
    }
  }
}
