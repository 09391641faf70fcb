package io.github.syndic.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.github.syndic.index.ClusterPolicy;
import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.CanonicalOrder;
import io.github.syndic.index.PreparedDoc;
import io.github.syndic.index.Relation;
import io.github.syndic.index.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Batch near-duplicate clustering on Spark, with the clusters of {@code syndic dedup} (the
 * library's {@link io.github.syndic.index.BatchDeduplicator}) on the same documents and settings,
 * whatever the partitioning and the number of executors:
 *
 * <ol>
 *   <li>per-source templates counted over the whole input (one aggregation; a source past the
 *       library's pruning limit is learned in the batch order, in one task, as the library does);
 *   <li>each document cleaned, stripped of its template lines and signed by the library ({@link
 *       Engine});
 *   <li>documents ranked in the batch order (time, unknown last, then id);
 *   <li>candidates: documents sharing a band key (one shuffle per band group, pairs within a
 *       bucket, never a Cartesian product);
 *   <li>each candidate verified by the library's rule, within the library's time window along the
 *       batch order; round-ups (composites) found from the trimmed-copy links and the overlap of
 *       each two partners ({@link Verifier#sameStory});
 *   <li>clusters: connected components of the linked pairs by label propagation with pointer
 *       jumping (no edge reaches the driver); each named by its canonical member.
 * </ol>
 *
 * <p>Input rows: {@link #DOCS} ({@code id}, {@code text}, {@code source}, {@code ts_sec}, {@code
 * ts_nano}); {@link Inputs} reads them from files. Thread-safe: {@link #run} keeps no state.
 */
public final class SparkDedup {
  /** Input documents: id (unique), raw text, source or null, time as epoch seconds + nanos or null. */
  public static final StructType DOCS = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, true)
      .add("source", DataTypes.StringType, true)
      .add("ts_sec", DataTypes.LongType, true)
      .add("ts_nano", DataTypes.IntegerType, true);

  /** Prepared documents: signature in its checked byte form, plus what the canonical order needs. */
  static final StructType PREPARED = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("id_key", DataTypes.BinaryType, false)
      .add("ts_null", DataTypes.BooleanType, false)
      .add("ts_sec", DataTypes.LongType, true)
      .add("ts_nano", DataTypes.IntegerType, true)
      .add("millis", DataTypes.LongType, false)
      .add("pref", DataTypes.IntegerType, false)
      .add("length", DataTypes.IntegerType, false)
      .add("set_size", DataTypes.LongType, false)
      .add("sig", DataTypes.BinaryType, false)
      .add("low", DataTypes.BinaryType, false);

  /** {@link #PREPARED} numbered in the batch order. */
  private static final StructType RANKED = ranked();

  private static StructType ranked() {
    StructType t = new StructType().add("rank", DataTypes.LongType, false);
    for (var f : PREPARED.fields()) {
      t = t.add(f);
    }
    return t;
  }

  private static final StructType BAND_ROWS = new StructType()
      .add("band", DataTypes.IntegerType, false)
      .add("key", DataTypes.LongType, false)
      .add("rank", DataTypes.LongType, false)
      .add("millis", DataTypes.LongType, false);

  private static final StructType PAIRS = new StructType()
      .add("a", DataTypes.LongType, false)
      .add("b", DataTypes.LongType, false);

  /** Verified links: a = later document (rank), b = earlier, relation as the index classified it. */
  private static final StructType LINKS = new StructType()
      .add("a", DataTypes.LongType, false)
      .add("b", DataTypes.LongType, false)
      .add("rel", DataTypes.IntegerType, false)
      .add("jaccard", DataTypes.DoubleType, false)
      .add("ca", DataTypes.DoubleType, false)
      .add("cb", DataTypes.DoubleType, false)
      .add("a_larger", DataTypes.BooleanType, false)
      .add("as_containment", DataTypes.IntegerType, false);

  private static final StructType FPS = new StructType()
      .add("src", DataTypes.StringType, false)
      .add("ts_null", DataTypes.BooleanType, false)
      .add("ts_sec", DataTypes.LongType, true)
      .add("ts_nano", DataTypes.IntegerType, true)
      .add("id_key", DataTypes.BinaryType, false)
      .add("fps", DataTypes.createArrayType(DataTypes.LongType, false), false);

  private static final StructType SOURCE_LINES = new StructType()
      .add("src", DataTypes.StringType, false)
      .add("fps", DataTypes.createArrayType(DataTypes.LongType, false), false);

  private SparkDedup() {}

  /**
   * The result of a run. Both datasets are sorted as {@code syndic dedup} writes its files.
   *
   * @param clusters {@code doc_id}, {@code cluster_id} (the canonical member's id): every document
   *     once, clusters by canonical id, members in canonical order
   * @param pairs every related pair: {@code doc_id} (the later), {@code duplicate_of}, {@code
   *     relation}, {@code jaccard}, {@code containment}, {@code containment_of_other}, {@code
   *     clustered}; in the batch order of the later document, then as the index lists neighbors
   * @param stats counts gathered on the way (documents, candidates, links, template lines,
   *     components iterations), filled as the datasets are computed
   */
  public record Result(Dataset<Row> clusters, Dataset<Row> pairs, Map<String, Long> stats) {}

  /**
   * Clusters {@code docs} (schema {@link #DOCS}).
   *
   * @throws IllegalArgumentException if two documents share an id
   */
  public static Result run(SparkSession spark, Dataset<Row> docs, DedupSettings settings) {
    Objects.requireNonNull(settings, "settings");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    IndexConfig config = settings.config();
    Map<String, Long> stats = new HashMap<>();
    Dataset<Row> in = docs.select("id", "text", "source", "ts_sec", "ts_nano");
    List<Row> dup = in.groupBy("id").count().filter(col("count").gt(1)).limit(1).collectAsList();
    if (!dup.isEmpty()) {
      throw new IllegalArgumentException("duplicate document id '" + dup.get(0).getString(0) + "'");
    }

    // 1. Templates, over the whole batch.
    Broadcast<Templates> templates = null;
    if (config.sourceTemplates()) {
      Templates t = learnTemplates(in, settings);
      stats.put("template_lines", t.lines());
      templates = jsc.broadcast(t);
    }

    // 2. Prepare: clean, strip the template lines, sign (the library's own call).
    final Broadcast<Templates> tb = templates;
    Dataset<Row> prepared = in.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      Engine e = new Engine(settings);
      Templates t = tb == null ? null : tb.value().check(e.config.spec());
      return map(rows, r -> {
        String id = r.getString(0);
        String text = r.isNullAt(1) ? "" : r.getString(1);
        String source = r.isNullAt(2) ? null : r.getString(2);
        String key = Engine.sourceKey(source);
        boolean tsNull = r.isNullAt(3);
        Instant time = tsNull ? null : Instant.ofEpochSecond(r.getLong(3), r.getInt(4));
        PreparedDoc p = e.prepare(id, text, time, source,
            t == null ? null : fp -> t.isTemplate(key, fp));
        return RowFactory.create(id, idKey(id), tsNull, tsNull ? null : r.getLong(3),
            tsNull ? null : r.getInt(4), CanonicalOrder.millis(time), e.rank(source), p.length(),
            p.signature().setSize(), p.signature().toBytes(), Engine.low16(p.signature()));
      });
    }, Encoders.row(PREPARED)).persist(StorageLevel.MEMORY_AND_DISK());

    // 3. Rank in the batch order (time, unknown last, then id in String order).
    JavaRDD<Row> ranked = prepared
        .sort(col("ts_null"), col("ts_sec"), col("ts_nano"), col("id_key"))
        .javaRDD().zipWithIndex().map(t -> {
          Row r = t._1();
          Object[] v = new Object[RANKED.size()];
          v[0] = t._2();
          for (int i = 0; i < r.size(); i++) {
            v[i + 1] = r.get(i);
          }
          return RowFactory.create(v);
        });
    Dataset<Row> docsR = spark.createDataFrame(ranked, RANKED).persist(StorageLevel.MEMORY_AND_DISK());
    stats.put("documents", docsR.count());
    prepared.unpersist();

    // 4. The time window along the batch order, as cutoffs (see WindowCutoffs).
    Broadcast<WindowCutoffs> cutoffs = jsc.broadcast(WindowCutoffs.of(config.window(), docsR));

    // 5. Candidates: pairs sharing a band key, one shuffle per band group; each bucket sorted in
    // the batch order and its pairs emitted lazily, within the window (BucketPairs).
    int bands = config.lsh().bands();
    int groups = Math.min(settings.bandGroups(), bands);
    Dataset<Row> cands = null;
    for (int g = 0; g < groups; g++) {
      final int from = g * bands / groups;
      final int to = (g + 1) * bands / groups;
      Dataset<Row> keys = docsR.select("rank", "millis", "sig")
          .flatMap((FlatMapFunction<Row, Row>) r -> {
            Engine e = engine(settings);
            long[] k = e.bandKeys(e.signature((byte[]) r.get(2)));
            List<Row> out = new ArrayList<>(k.length == 0 ? 0 : to - from);
            for (int b = from; b < to && b < k.length; b++) {
              out.add(RowFactory.create(b, k[b], r.getLong(0), r.getLong(1)));
            }
            return out.iterator();
          }, Encoders.row(BAND_ROWS));
      Dataset<Row> pairs = keys.repartition(col("band"), col("key"))
          .sortWithinPartitions("band", "key", "rank")
          .mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
              new BucketPairs(rows, cutoffs.value()), Encoders.row(PAIRS));
      cands = cands == null ? pairs : cands.union(pairs);
    }
    cands = cands.distinct().persist(StorageLevel.MEMORY_AND_DISK());
    stats.put("candidates", cands.count());

    // 6. Verify each candidate as the index does when the later one is added.
    // (The window was applied in the buckets.) The joins carry the values the index compares
    // (low 16 bits, set size); ids are joined to the related pairs only.
    Dataset<Row> side = docsR.select("rank", "low", "set_size");
    Dataset<Row> joined = cands
        .join(side.toDF("a", "low_a", "size_a"), "a")
        .join(side.toDF("b", "low_b", "size_b"), "b")
        .select("a", "b", "low_a", "size_a", "low_b", "size_b");
    Dataset<Row> verdicts = joined.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      Engine e = new Engine(settings);
      return flat(rows, r -> {
        short[] later = Engine.unpack((byte[]) r.get(2));
        short[] earlier = Engine.unpack((byte[]) r.get(4));
        if (!e.candidates(later, earlier)) {
          return null; // equal band keys, unequal band values: no candidate in the library
        }
        long laterSize = r.getLong(3);
        long earlierSize = r.getLong(5);
        Verifier.Verdict v = e.verify(later, laterSize, earlier, earlierSize);
        if (v == null) {
          return null;
        }
        boolean laterLarger = Verifier.queryIsLarger(laterSize, earlierSize);
        return RowFactory.create(r.getLong(0), r.getLong(1), v.relation().ordinal(), v.jaccard(),
            v.containmentOfQuery(), v.containmentOfIndexed(), laterLarger,
            Verifier.asContainment(laterLarger).ordinal());
      });
    }, Encoders.row(LINKS));
    Dataset<Row> ids = docsR.select("rank", "id", "id_key");
    Dataset<Row> links = verdicts
        .join(ids.toDF("a", "id_a", "id_key_a"), "a")
        .join(ids.toDF("b", "id_b", "id_key_b"), "b")
        .select("a", "b", "rel", "jaccard", "ca", "cb", "a_larger", "as_containment", "id_a",
            "id_b", "id_key_b")
        .persist(StorageLevel.MEMORY_AND_DISK());
    stats.put("links", links.count());
    cands.unpersist();

    // 7. Composites (round-ups): the larger side of trimmed copies of two unrelated documents.
    int trimmed = Relation.TRIMMED_COPY.ordinal();
    Column aBig = col("a_larger");
    Dataset<Row> partners = links.filter(col("rel").equalTo(trimmed))
        .select(when(aBig, col("a")).otherwise(col("b")).as("big"),
            when(aBig, col("b")).otherwise(col("a")).as("small"))
        .groupBy("big").agg(collect_list("small").as("smalls"))
        .filter(size(col("smalls")).geq(2))
        .flatMap((FlatMapFunction<Row, Row>) r -> partnerPairs(r.getLong(0), r.getList(1)),
            Encoders.row(new StructType().add("big", DataTypes.LongType, false)
            .add("x", DataTypes.LongType, false).add("y", DataTypes.LongType, false)));
    // Two partners are one story when the smaller has half its shingles in the other
    // (Verifier#sameStory), compared on the values the index compares, as the batch does.
    Dataset<Row> composite = partners
        .join(side.toDF("x", "low_x", "size_x"), "x")
        .join(side.toDF("y", "low_y", "size_y"), "y")
        .select("big", "low_x", "size_x", "low_y", "size_y")
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
          Engine e = new Engine(settings);
          return flat(rows, r -> e.sameStory(Engine.unpack((byte[]) r.get(1)), r.getLong(2),
              Engine.unpack((byte[]) r.get(3)), r.getLong(4)) ? null
              : RowFactory.create(r.getLong(0)));
        }, Encoders.row(new StructType().add("composite", DataTypes.LongType, false)))
        .distinct();
    ClusterPolicy policy = config.policy();
    Column big = when(aBig, col("a")).otherwise(col("b"));
    Column rel = col("rel");
    if (policy != ClusterPolicy.ALL) {
      // The round-up rule: a composite's trimmed copies become containment.
      rel = when(col("rel").equalTo(trimmed).and(col("composite").isNotNull()),
          col("as_containment")).otherwise(col("rel"));
    }
    List<Integer> linking = new ArrayList<>();
    for (Relation r : Relation.values()) {
      if (policy.links(r)) {
        linking.add(r.ordinal());
      }
    }
    Dataset<Row> decided = links
        .join(composite, big.equalTo(col("composite")), "left_outer")
        .select(col("a"), col("b"), col("rel").as("found"), rel.as("rel"), col("jaccard"),
            col("ca"), col("cb"), col("id_a"), col("id_b"), col("id_key_b"))
        .withColumn("clustered", col("rel").isin(linking.toArray()))
        .persist(StorageLevel.MEMORY_AND_DISK());

    // 8. Connected components of the linking pairs.
    Dataset<Row> labels = Components.labels(
        decided.filter(col("clustered")).select("a", "b"), stats);

    // 9. Canonical member of each cluster, by the library's order.
    // CanonicalOrder: time in ms (unknown last), source rank, longest, id in String order.
    Column canonKey = struct(col("millis"), col("pref"), expr("-CAST(length AS BIGINT)"),
        col("id_key"), col("id"));
    Dataset<Row> members = docsR.join(labels, docsR.col("rank").equalTo(labels.col("n")),
            "left_outer")
        .select(col("id"), coalesce(col("label"), col("rank")).as("label"), canonKey.as("key"))
        .withColumn("canon", min(col("key")).over(Window.partitionBy("label")));
    Dataset<Row> clusters = members
        .sort(col("canon.id_key"), col("key"))
        .select(col("id").as("doc_id"), col("canon.id").as("cluster_id"));

    Dataset<Row> pairs = decided
        .sort(col("a"), col("found"), col("jaccard").desc(), col("id_key_b"))
        .select(col("id_a").as("doc_id"), col("id_b").as("duplicate_of"),
            relationName(col("rel")).as("relation"), col("jaccard"),
            col("ca").as("containment"), col("cb").as("containment_of_other"),
            col("clustered"));
    return new Result(clusters, pairs, stats);
  }

  /** The pairs (big, x, y) of the smaller partners x < y of {@code big}, one at a time. */
  private static Iterator<Row> partnerPairs(long big, List<Long> partners) {
    long[] p = partners.stream().mapToLong(Long::longValue).toArray();
    return new Iterator<>() {
      private int i = 0;
      private int j = 1;

      @Override
      public boolean hasNext() {
        return j < p.length;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Row r = RowFactory.create(big, Math.min(p[i], p[j]), Math.max(p[i], p[j]));
        if (++j == p.length) {
          i++;
          j = i + 1;
        }
        return r;
      }
    };
  }

  /** {@code syndic dedup}'s relation label (DUPLICATE → duplicate, TRIMMED_COPY → trimmed-copy). */
  private static Column relationName(Column ordinal) {
    Column c = null;
    for (Relation r : Relation.values()) {
      String name = r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      c = c == null ? when(ordinal.equalTo(r.ordinal()), name)
          : c.when(ordinal.equalTo(r.ordinal()), name);
    }
    return c;
  }

  /**
   * Learns the per-source templates from the whole batch, as the library does: line counts per
   * source in one aggregation; a source whose distinct lines exceed the library's limit (where its
   * counting prunes, which depends on the order) is learned in the batch order in one task.
   */
  private static Templates learnTemplates(Dataset<Row> in,
      DedupSettings settings) {
    Dataset<Row> docFps = in.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      Engine e = new Engine(settings);
      return map(rows, r -> {
        String id = r.getString(0);
        boolean tsNull = r.isNullAt(3);
        long[] fps = e.fingerprints(r.isNullAt(1) ? "" : r.getString(1));
        Long[] boxed = new Long[fps.length];
        for (int i = 0; i < fps.length; i++) {
          boxed[i] = fps[i];
        }
        return RowFactory.create(Engine.sourceKey(r.isNullAt(2) ? null : r.getString(2)), tsNull,
            tsNull ? null : r.getLong(3), tsNull ? null : r.getInt(4), idKey(id), boxed);
      });
    }, Encoders.row(FPS));
    Dataset<Row> lines = docFps.repartition(col("src"))
        .sortWithinPartitions(col("src"), col("ts_null"), col("ts_sec"), col("ts_nano"),
            col("id_key"))
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
            SequentialTemplates.learn(rows, new Engine(settings)), Encoders.row(SOURCE_LINES));
    Map<String, long[]> out = new HashMap<>();
    for (Row r : lines.collectAsList()) {
      List<Long> fps = r.getList(1);
      if (!fps.isEmpty()) {
        out.put(r.getString(0), fps.stream().mapToLong(Long::longValue).toArray());
      }
    }
    return new Templates(settings.config().spec(), out);
  }

  /** Sort key of an id in Java's String order (UTF-16 code units, compared as unsigned bytes). */
  static byte[] idKey(String id) {
    return id.getBytes(StandardCharsets.UTF_16BE);
  }

  private static Engine cached;

  /** An engine for row-at-a-time functions (one per executor JVM and settings). */
  private static synchronized Engine engine(DedupSettings s) {
    if (cached == null || !cached.settings().equals(s)) {
      cached = new Engine(s);
    }
    return cached;
  }

  interface RowFn {
    Row apply(Row r) throws Exception;
  }

  private static Iterator<Row> map(Iterator<Row> rows, RowFn f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        try {
          return f.apply(rows.next());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** Like {@link #map}, dropping rows mapped to null. */
  private static Iterator<Row> flat(Iterator<Row> rows, RowFn f) {
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          try {
            next = f.apply(rows.next());
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }
}
