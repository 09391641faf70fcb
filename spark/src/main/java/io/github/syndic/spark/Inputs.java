package io.github.syndic.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
 * of {@code .txt} files (one document each, id = file name without {@code .txt}, recursive,
 * sorted by path), JSON Lines files ({@code id}, {@code text}, optional {@code title}, source
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
      .add("error", DataTypes.StringType, true);

  /** Most error messages brought back to the driver (the count is always exact). */
  static final int MAX_MESSAGES = 1000;

  private Inputs() {}

  /**
   * Documents read, and the failures (unreadable inputs, bad lines, duplicate ids).
   *
   * @param docs rows of {@link SparkDedup#DOCS}
   * @param failures number of failures
   * @param messages up to {@link #MAX_MESSAGES} failure messages, in input order
   */
  public record Read(Dataset<Row> docs, long failures, List<String> messages) {}

  /** Options of the readers. */
  public record Options(String meta, String sourceField, String charset) implements Serializable {
    /** The defaults of {@code syndic dedup}. */
    public static Options defaults() {
      return new Options(null, "source", "UTF-8");
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
    return new Read(docs.select("id", "text", "source", "ts_sec", "ts_nano"), failures, messages);
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
        .option("pathGlobFilter", "*.txt").load(input);
    Map<String, String[]> meta = opt.meta() == null ? null : readMeta(opt.meta());
    Broadcast<Map<String, String[]>> mb = meta == null ? null : jsc.broadcast(meta);
    String cs = opt.charset();
    return bin.select("path", "content").map((MapFunction<Row, Row>) r -> {
      String path = r.getString(0);
      String name = path.substring(path.lastIndexOf('/') + 1);
      return fileRow(name.substring(0, name.length() - 4), path, (byte[]) r.get(1), cs,
          mb == null ? null : mb.value(), ord);
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
    files.removeIf(f -> !f.getFileName().toString().endsWith(".txt"));
    return files(spark, jsc, files, dir, ord, opt, true);
  }

  private static Dataset<Row> files(SparkSession spark, JavaSparkContext jsc, List<Path> files,
      Path base, int ord, Options opt, boolean txtDir) {
    Map<String, String[]> meta = txtDir && opt.meta() != null ? readMeta(opt.meta()) : null;
    Broadcast<Map<String, String[]>> mb = meta == null ? null : jsc.broadcast(meta);
    String cs = opt.charset();
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
        id = name.substring(0, name.length() - 4);
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
      return fileRow(id, path, bytes, cs, mb == null ? null : mb.value(), ord);
    });
    return spark.createDataFrame(rows, READ);
  }

  private static Row fileRow(String id, String path, byte[] bytes, String charset,
      Map<String, String[]> meta, int ord) {
    String text;
    try {
      text = decode(bytes, Charset.forName(charset));
    } catch (BadInput e) {
      return error(path + ": " + e.getMessage(), ord, path, 0);
    }
    String[] m = meta == null ? null : meta.get(id);
    Instant t = m == null ? null : parseTime(m[1]);
    return RowFactory.create(id, text, m == null ? null : m[0],
        t == null ? null : t.getEpochSecond(), t == null ? null : t.getNano(), ord, path, 0L,
        null);
  }

  private static Row error(String message, int ord, String path, long line) {
    return RowFactory.create(null, null, null, null, null, ord, path, line, message);
  }

  private static Dataset<Row> jsonl(SparkSession spark, JavaSparkContext jsc, String input,
      int ord, Options opt) {
    if (!Charset.forName(opt.charset()).equals(StandardCharsets.UTF_8)) {
      throw new IllegalArgumentException("JSON Lines input must be UTF-8: " + input);
    }
    String field = opt.sourceField();
    JavaRDD<Row> rows = jsc.textFile(input).zipWithIndex().map(t -> jsonRow(t, input, ord, field))
        .filter(r -> r != null);
    return spark.createDataFrame(rows, READ);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Row jsonRow(Tuple2<String, Long> t, String file, int ord, String sourceField) {
    String line = t._1();
    long no = t._2() + 1;
    if (no == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode o = JSON.readTree(line);
      if (o == null || !o.isObject()) {
        return error(file + ":" + no + ": not a JSON object", ord, file, no);
      }
      JsonNode id = o.get("id");
      JsonNode text = o.get("text");
      if (id == null || id.isNull() || text == null || !text.isTextual()) {
        return error(file + ":" + no + ": needs string fields 'id' and 'text'", ord, file, no);
      }
      String title = o.hasNonNull("title") ? o.get("title").asText() : null;
      String source = o.hasNonNull(sourceField) ? o.get(sourceField).asText() : null;
      Instant published = null;
      if (o.hasNonNull("published")) {
        JsonNode p = o.get("published");
        published = p.isNumber() ? Instant.ofEpochMilli(p.asLong()) : parseTime(p.asText());
        if (published == null) {
          return error(file + ":" + no + ": cannot read 'published' " + p, ord, file, no);
        }
      }
      String body = title == null ? text.asText() : title + "\n" + text.asText();
      return RowFactory.create(id.asText(), body, source,
          published == null ? null : published.getEpochSecond(),
          published == null ? null : published.getNano(), ord, file, no, null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return error(file + ":" + no + ": invalid JSON (" + e.getOriginalMessage() + ")", ord, file,
          no);
    }
  }

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
    return q.map((MapFunction<Row, Row>) r -> {
      Instant t = r.isNullAt(3) ? null : parseTime(r.getString(3));
      if (!r.isNullAt(3) && t == null) {
        return error(input + ": row " + r.getLong(5) + ": cannot read 'published' "
            + r.getString(3), ord, r.getString(4), r.getLong(5));
      }
      return RowFactory.create(r.getString(0), r.isNullAt(1) ? "" : r.getString(1),
          r.isNullAt(2) ? null : r.getString(2), t == null ? null : t.getEpochSecond(),
          t == null ? null : t.getNano(), ord, r.getString(4), r.getLong(5), null);
    }, Encoders.row(READ));
  }

  /**
   * Decodes strictly, as {@code syndic dedup} does: a NUL byte means binary (except in UTF-16 and
   * UTF-32), malformed input is an error naming the offset, a UTF-8 byte order mark is removed.
   */
  static String decode(byte[] bytes, Charset charset) throws BadInput {
    boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
    for (int i = 0; i < bytes.length && !wide; i++) {
      if (bytes[i] == 0) {
        throw new BadInput("binary file (NUL byte at offset " + i + ")");
      }
    }
    int skip = charset.equals(StandardCharsets.UTF_8) && bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
    CharsetDecoder dec = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    try {
      CharBuffer cb = dec.decode(in);
      return cb.toString();
    } catch (MalformedInputException | UnmappableCharacterException e) {
      throw new BadInput("not valid " + charset.name() + " (bad byte sequence at offset "
          + in.position() + ")");
    } catch (CharacterCodingException e) {
      throw new BadInput("not valid " + charset.name() + ": " + e.getMessage());
    }
  }

  /** An input that cannot be decoded. */
  static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  /**
   * A time as {@code syndic dedup} reads it: ISO-8601 instant, offset date-time, local date-time
   * (UTC; a space may separate date and time), or date; null when none of these.
   */
  static Instant parseTime(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }

  /**
   * A metadata TSV (header with doc_id or id, optional source, and published or date_extracted)
   * as id → {source, published}; read on the driver (one row per document of a directory).
   */
  static Map<String, String[]> readMeta(String tsv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(tsv), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tsv, e);
    }
    Map<String, String[]> out = new HashMap<>();
    if (lines.isEmpty()) {
      return out;
    }
    String[] h = lines.get(0).split("\t", -1);
    int id = -1;
    int src = -1;
    int time = -1;
    for (int i = 0; i < h.length; i++) {
      String c = h[i].trim().toLowerCase(Locale.ROOT);
      if (c.equals("doc_id") || c.equals("id")) {
        id = i;
      } else if (c.equals("source")) {
        src = i;
      } else if (c.equals("published") || (time < 0 && c.equals("date_extracted"))) {
        time = i;
      }
    }
    if (id < 0) {
      throw new IllegalArgumentException(tsv + " has no doc_id column");
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length > id) {
        out.put(f[id], new String[] {src >= 0 && f.length > src ? f[src] : null,
            time >= 0 && f.length > time ? f[time] : null});
      }
    }
    return out;
  }
}
