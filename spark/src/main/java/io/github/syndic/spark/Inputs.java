package io.github.syndic.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.syndic.feed.DocFiles;
import io.github.syndic.feed.DocIds;
import io.github.syndic.feed.FeedTimes;
import io.github.syndic.feed.MetaTable;
import io.github.syndic.html.HtmlCharset;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Reads documents for {@link SparkDedup} in the input forms of {@code syndic dedup}: directories
 * of {@code .txt} and HTML files (one document each, id = file name without its extension,
 * recursive, sorted by path; the rules of {@link DocFiles}, pages read as their article), JSON Lines files ({@code id}, {@code text}, optional {@code title}, source
 * field, {@code published}), Parquet ({@code .parquet} file or folder with those columns), or any
 * other file as one document. A metadata TSV ({@code --meta}) adds sources and times to
 * directories. As in {@code syndic dedup}, a title is prepended to the text with a line feed, an
 * unreadable input or line is reported and skipped, and of two documents with one id the later in
 * input order is reported and skipped.
 *
 * <p>Local paths are listed on the driver as {@code syndic dedup} lists them; paths with a scheme
 * ({@code hdfs://}, {@code s3a://}) are listed by Spark.
 *
 * <p>Thread-safe (no state).
 */
public final class Inputs {
  /** Rows before duplicate resolution: a document, or an error message (id null). */
  private static final StructType READ = new StructType()
      .add("id", DataTypes.StringType, true)
      .add("text", DataTypes.StringType, true)
      .add("source", DataTypes.StringType, true)
      .add("ts_sec", DataTypes.LongType, true)
      .add("ts_nano", DataTypes.IntegerType, true)
      .add("ord_in", DataTypes.IntegerType, false)
      .add("ord_path", DataTypes.StringType, false)
      .add("ord_line", DataTypes.LongType, false)
      .add("error", DataTypes.StringType, true)
      .add("bad_time", DataTypes.StringType, true);

  /** Most error messages brought back to the driver (the count is always exact). */
  static final int MAX_MESSAGES = 1000;

  private Inputs() {}

  /**
   * Documents read, and the failures (unreadable inputs, bad lines, duplicate ids).
   *
   * @param docs rows of {@link SparkDedup#DOCS}
   * @param failures number of failures
   * @param messages up to {@link #MAX_MESSAGES} failure messages, in input order
   * @param badTimes number of documents kept without a time because their time could not be
   *     read
   * @param badTimeNotes the first {@link #TIME_WARNINGS} of those times, with where they are
   */
  public record Read(Dataset<Row> docs, long failures, List<String> messages, long badTimes,
      List<String> badTimeNotes) {}

  /** Unreadable times named one by one, as {@code syndic dedup} names them; the rest counted. */
  static final int TIME_WARNINGS = 5;

  /**
   * Options of the readers.
   *
   * @param meta metadata TSV for directories ({@link MetaTable}), or null
   * @param sourceField the JSON field naming the source
   * @param charset encoding of text files
   * @param timeUnit how epoch numbers are read
   */
  public record Options(String meta, String sourceField, String charset,
      FeedTimes.EpochUnit timeUnit) implements Serializable {
    /** The defaults of {@code syndic dedup}. */
    public static Options defaults() {
      return new Options(null, "source", "UTF-8", FeedTimes.EpochUnit.AUTO);
    }
  }

  /** Reads every input. */
  public static Read read(SparkSession spark, List<String> inputs, Options opt) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Charset.forName(opt.charset()); // fail early on an unknown name
    Dataset<Row> all = null;
    for (int i = 0; i < inputs.size(); i++) {
      Dataset<Row> one = readOne(spark, jsc, inputs.get(i), i, opt);
      all = all == null ? one : all.union(one);
    }
    if (all == null) {
      throw new IllegalArgumentException("no input");
    }
    all = all.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    List<String> messages = new ArrayList<>();
    Dataset<Row> errors = all.filter(col("error").isNotNull());
    long failures = errors.count();
    for (Row r : errors.sort("ord_in", "ord_path", "ord_line").limit(MAX_MESSAGES)
        .select("error").collectAsList()) {
      messages.add(r.getString(0));
    }
    Dataset<Row> docs = all.filter(col("error").isNull());
    Dataset<Row> bad = docs.filter(col("bad_time").isNotNull());
    long badTimes = bad.count();
    List<String> badNotes = new ArrayList<>();
    for (Row r : bad.sort("ord_in", "ord_path", "ord_line").limit(TIME_WARNINGS)
        .select("bad_time").collectAsList()) {
      badNotes.add(r.getString(0));
    }
    // Duplicate ids: the first in input order stays, each later one is a failure.
    List<Row> dupIds = docs.groupBy("id").count().filter(col("count").gt(1)).select("id")
        .collectAsList();
    if (!dupIds.isEmpty()) {
      Set<String> ids = new HashSet<>();
      for (Row r : dupIds) {
        ids.add(r.getString(0));
      }
      Set<String> losers = new HashSet<>();
      Map<String, Boolean> seen = new HashMap<>();
      for (Row r : docs.filter(col("id").isin(ids.toArray()))
          .select("id", "ord_in", "ord_path", "ord_line")
          .sort("ord_in", "ord_path", "ord_line").collectAsList()) {
        if (seen.putIfAbsent(r.getString(0), true) != null) {
          losers.add(key(r.getString(0), r.getInt(1), r.getString(2), r.getLong(3)));
          failures++;
          if (messages.size() < MAX_MESSAGES) {
            messages.add("duplicate document id '" + r.getString(0)
                + "' (the later one is skipped)");
          }
        }
      }
      Broadcast<Set<String>> lb = jsc.broadcast(losers);
      docs = docs.filter((FilterFunction<Row>) r -> !lb.value().contains(
          key(r.getString(0), r.getInt(5), r.getString(6), r.getLong(7))));
    }
    return new Read(docs.select("id", "text", "source", "ts_sec", "ts_nano"), failures, messages,
        badTimes, badNotes);
  }

  private static String key(String id, int in, String path, long line) {
    return id + '\u0000' + in + '\u0000' + path + '\u0000' + line;
  }

  private static Dataset<Row> readOne(SparkSession spark, JavaSparkContext jsc, String input,
      int ord, Options opt) {
    boolean local = !input.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || input.startsWith("file:");
    String lower = input.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet") || lower.endsWith(".parquet/")) {
      return parquet(spark, input, ord, opt);
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".json")) {
      return jsonl(spark, jsc, input, ord, opt);
    }
    if (local) {
      Path p = Path.of(input.startsWith("file:") ? java.net.URI.create(input).getPath() : input);
      if (Files.isDirectory(p)) {
        return directory(spark, jsc, p, ord, opt);
      }
      return files(spark, jsc, List.of(p), p.getParent() == null ? p : p.getParent(), ord, opt,
          false);
    }
    Dataset<Row> bin = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.{txt,html,htm}").load(input);
    MetaTable meta = opt.meta() == null ? null : readMeta(opt.meta());
    Broadcast<MetaTable> mb = meta == null ? null : jsc.broadcast(meta);
    String cs = opt.charset();
    FeedTimes.EpochUnit unit = opt.timeUnit();
    return bin.select("path", "content").map((MapFunction<Row, Row>) r -> {
      String path = r.getString(0);
      String name = path.substring(path.lastIndexOf('/') + 1);
      return fileRow(DocFiles.id(name), name, path, (byte[]) r.get(1), cs,
          mb == null ? null : mb.value(), unit, ord);
    }, Encoders.row(READ));
  }

  private static Dataset<Row> directory(SparkSession spark, JavaSparkContext jsc, Path dir,
      int ord, Options opt) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    files.sort(null);
    files.removeIf(f -> !DocFiles.isDocumentName(f.getFileName().toString()));
    return files(spark, jsc, files, dir, ord, opt, true);
  }

  private static Dataset<Row> files(SparkSession spark, JavaSparkContext jsc, List<Path> files,
      Path base, int ord, Options opt, boolean txtDir) {
    MetaTable meta = txtDir && opt.meta() != null ? readMeta(opt.meta()) : null;
    Broadcast<MetaTable> mb = meta == null ? null : jsc.broadcast(meta);
    String cs = opt.charset();
    FeedTimes.EpochUnit unit = opt.timeUnit();
    List<String> paths = new ArrayList<>(files.size());
    for (Path f : files) {
      paths.add(f.toString());
    }
    int slices = Math.max(1, Math.min(paths.size(), jsc.defaultParallelism() * 4));
    JavaRDD<Row> rows = jsc.parallelize(paths, slices).map(path -> {
      Path f = Path.of(path);
      String name = f.getFileName().toString();
      String id;
      if (txtDir) {
        id = DocFiles.id(name);
      } else {
        int dot = name.lastIndexOf('.');
        id = dot > 0 ? name.substring(0, dot) : name;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        return error(path + ": cannot read: " + e.getMessage(), ord, path, 0);
      }
      return fileRow(id, name, path, bytes, cs, mb == null ? null : mb.value(), unit, ord);
    });
    return spark.createDataFrame(rows, READ);
  }

  private static Row fileRow(String id, String name, String path, byte[] bytes, String charset,
      MetaTable meta, FeedTimes.EpochUnit unit, int ord) {
    String bad = DocIds.problem(id);
    if (bad != null) {
      return error(path + ": " + bad + " (the id is the file name without its extension)", ord,
          path, 0);
    }
    String text;
    try {
      // an HTML page (by name or content) joins as its article, as in syndic dedup
      text = DocFiles.isHtml(name, bytes)
          ? PAGES.get().cleanHtml(HtmlCharset.decode(bytes, null), "").text()
          : decode(bytes, Charset.forName(charset));
    } catch (BadInput e) {
      return error(path + ": " + e.getMessage(), ord, path, 0);
    }
    MetaTable.Row m = meta == null ? null : meta.get(id);
    Instant t = null;
    String badTime = null;
    if (m != null && m.time() != null && !m.time().isBlank()) {
      t = FeedTimes.parse(m.time(), unit);
      if (t == null) {
        badTime = path + ": '" + m.time() + "' in the metadata";
      }
    }
    return RowFactory.create(id, text, m == null ? null : m.source(),
        t == null ? null : t.getEpochSecond(), t == null ? null : t.getNano(), ord, path, 0L,
        null, badTime);
  }

  private static Row error(String message, int ord, String path, long line) {
    return RowFactory.create(null, null, null, null, null, ord, path, line, message, null);
  }

  private static Dataset<Row> jsonl(SparkSession spark, JavaSparkContext jsc, String input,
      int ord, Options opt) {
    if (!Charset.forName(opt.charset()).equals(StandardCharsets.UTF_8)) {
      throw new IllegalArgumentException("JSON Lines input must be UTF-8: " + input);
    }
    String field = opt.sourceField();
    FeedTimes.EpochUnit unit = opt.timeUnit();
    JavaRDD<Row> rows = jsc.textFile(input).zipWithIndex()
        .map(t -> jsonRow(t, input, ord, field, unit)).filter(r -> r != null);
    return spark.createDataFrame(rows, READ);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Row jsonRow(Tuple2<String, Long> t, String file, int ord, String sourceField,
      FeedTimes.EpochUnit unit) {
    String line = t._1();
    long no = t._2() + 1;
    if (no == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (line.isBlank()) {
      return null;
    }
    String where = file + ":" + no;
    try {
      JsonNode o = JSON.readTree(line);
      if (o == null || !o.isObject()) {
        return error(where + ": not a JSON object", ord, file, no);
      }
      // The record rules of syndic dedup (its Records and FeedDocs.doc).
      JsonNode idNode = o.get("id");
      String id = idNode == null || idNode.isNull() ? null : idNode.isTextual()
          ? idNode.textValue() : idNode.isIntegralNumber() ? idNode.asText() : null;
      if (id == null) {
        return error(where + ": " + (idNode == null || idNode.isNull() ? "no 'id'"
            : "'id' must be a string or an integer, not " + kind(idNode)), ord, file, no);
      }
      String bad = DocIds.problem(id);
      if (bad != null) {
        return error(where + ": " + bad, ord, file, no);
      }
      JsonNode text = o.get("text");
      JsonNode page = o.get("html");
      String body;
      if ((text == null || text.isNull()) && page != null && page.isTextual()) {
        body = PAGES.get().cleanHtml(page.asText(), "").text(); // the page's article, as dedup
      } else if (text == null || !text.isTextual()) {
        return error(where + ": " + (text == null || text.isNull() ? "no 'text'"
            : "'text' must be a string, not " + kind(text)), ord, file, no);
      } else {
        body = text.textValue();
      }
      for (String f : new String[] {"title", sourceField}) {
        JsonNode n = o.get(f);
        if (n != null && !n.isNull() && !n.isValueNode()) {
          return error(where + ": '" + f + "' must be a string, not " + kind(n), ord, file, no);
        }
      }
      String title = o.hasNonNull("title") ? o.get("title").asText() : null;
      String source = o.hasNonNull(sourceField) ? o.get(sourceField).asText() : null;
      Instant published = null;
      String badTime = null;
      if (o.hasNonNull("published")) {
        published = time(o.get("published"), unit);
        if (published == null) {
          String p = o.get("published").toString();
          badTime = where + ": 'published' " + (p.length() <= 80 ? p : p.substring(0, 80) + "...");
        }
      }
      String all = title == null ? body : title + "\n" + body;
      return RowFactory.create(id, all, source,
          published == null ? null : published.getEpochSecond(),
          published == null ? null : published.getNano(), ord, file, no, null, badTime);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return error(where + ": invalid JSON (" + e.getOriginalMessage() + ")", ord, file, no);
    }
  }

  /** A JSON time as syndic dedup reads it: an epoch number or a string {@link FeedTimes} reads. */
  static Instant time(JsonNode n, FeedTimes.EpochUnit unit) {
    if (n.isNumber()) {
      BigDecimal v;
      try {
        v = n.decimalValue();
      } catch (NumberFormatException | ArithmeticException e) {
        return null;
      }
      return FeedTimes.epoch(v, unit);
    }
    return n.isTextual() ? FeedTimes.parse(n.textValue(), unit) : null;
  }

  private static String kind(JsonNode n) {
    return n.isObject() ? "an object" : n.isArray() ? "an array" : n.isBoolean() ? "a boolean"
        : n.isNumber() ? "a number" : n.isTextual() ? "a string" : n.getNodeType().toString();
  }

  /** The cleaner that turns an HTML page into its article (one per executor thread). */
  private static final ThreadLocal<io.github.syndic.Cleaner> PAGES =
      ThreadLocal.withInitial(io.github.syndic.Cleaner::news);

  private static Dataset<Row> parquet(SparkSession spark, String input, int ord, Options opt) {
    Dataset<Row> p = spark.read().parquet(input);
    Set<String> cols = new HashSet<>(Arrays.asList(p.columns()));
    if (!cols.contains("id") || !cols.contains("text")) {
      throw new IllegalArgumentException(input + " needs columns 'id' and 'text'");
    }
    String field = opt.sourceField();
    Dataset<Row> q = p.select(
        col("id").cast("string").as("id"),
        cols.contains("title")
            ? org.apache.spark.sql.functions.when(col("title").isNull(), col("text"))
                .otherwise(org.apache.spark.sql.functions.concat(col("title").cast("string"),
                    lit("\n"), col("text")))
            : col("text"),
        cols.contains(field) ? col(field).cast("string") : lit(null).cast("string"),
        cols.contains("published") ? col("published").cast("string")
            : lit(null).cast("string"),
        col("_metadata.file_path").as("ord_path"),
        col("_metadata.row_index").as("ord_line"));
    FeedTimes.EpochUnit unit = opt.timeUnit();
    return q.map((MapFunction<Row, Row>) r -> {
      String where = input + ": row " + r.getLong(5);
      if (r.isNullAt(0)) {
        return error(where + ": no 'id'", ord, r.getString(4), r.getLong(5));
      }
      String bad = DocIds.problem(r.getString(0));
      if (bad != null) {
        return error(where + ": " + bad, ord, r.getString(4), r.getLong(5));
      }
      Instant t = r.isNullAt(3) ? null : FeedTimes.parse(r.getString(3), unit);
      String badTime = !r.isNullAt(3) && !r.getString(3).isBlank() && t == null
          ? where + ": 'published' " + r.getString(3) : null;
      return RowFactory.create(r.getString(0), r.isNullAt(1) ? "" : r.getString(1),
          r.isNullAt(2) ? null : r.getString(2), t == null ? null : t.getEpochSecond(),
          t == null ? null : t.getNano(), ord, r.getString(4), r.getLong(5), null, badTime);
    }, Encoders.row(READ));
  }

  /**
   * Decodes strictly, as {@code syndic dedup} does: a NUL byte means binary (except in UTF-16 and
   * UTF-32), malformed input is an error naming the offset, a UTF-8 byte order mark is removed.
   */
  static String decode(byte[] bytes, Charset charset) throws BadInput {
    try {
      return DocFiles.decode(bytes, charset);
    } catch (DocFiles.BadBytesException e) {
      throw new BadInput(e.getMessage());
    }
  }

  /** An input that cannot be decoded. */
  static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  /** The metadata TSV of {@code --meta}, read on the driver (one row per document). */
  static MetaTable readMeta(String tsv) {
    try {
      return MetaTable.read(Path.of(tsv));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tsv, e);
    }
  }
}
