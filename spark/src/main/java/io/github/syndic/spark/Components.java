package io.github.syndic.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;

/**
 * Connected components on Spark: label propagation (each node takes the smallest label among
 * itself and its neighbors) with pointer jumping (a node takes its label's label), until no label
 * changes. Labels only decrease and stay inside the component, so the fixed point labels every
 * node with the smallest node of its component. Edges never reach the driver; each round's labels
 * are checkpointed locally, which cuts the lineage.
 *
 * <p>Thread-safe (no state).
 */
final class Components {
  private Components() {}

  /**
   * The component label (smallest node) of every node that has an edge, as rows (n, label).
   *
   * @param edges rows (a, b) of long nodes
   * @param stats receives {@code components_rounds}
   */
  static Dataset<Row> labels(Dataset<Row> edges, Map<String, Long> stats) {
    Dataset<Row> both = edges.select(col("a").as("n"), col("b").as("m"))
        .union(edges.select(col("b").as("n"), col("a").as("m")))
        .localCheckpoint();
    Dataset<Row> labels = both.groupBy("n").agg(min("m").as("m"))
        .select(col("n"), least(col("n"), col("m")).as("label"))
        .localCheckpoint();
    BigDecimal total = total(labels);
    long rounds = 0;
    while (true) {
      rounds++;
      Dataset<Row> neighbor = both
          .join(labels.toDF("m", "lm"), "m")
          .groupBy("n").agg(min("lm").as("lm"));
      Dataset<Row> propagated = labels.join(neighbor, "n")
          .select(col("n"), least(col("label"), col("lm")).as("label"));
      Dataset<Row> jumped = propagated.as("x")
          .join(propagated.as("y"), col("x.label").equalTo(col("y.n")))
          .select(col("x.n").as("n"), col("y.label").as("label"))
          .localCheckpoint();
      BigDecimal next = total(jumped);
      labels = jumped;
      // Labels never grow, so an unchanged sum means no label changed.
      if (next.compareTo(total) == 0) {
        break;
      }
      total = next;
    }
    stats.put("components_rounds", rounds);
    return labels;
  }

  private static BigDecimal total(Dataset<Row> labels) {
    Row r = labels.agg(sum(col("label").cast(new DecimalType(38, 0)))).first();
    return r.isNullAt(0) ? BigDecimal.ZERO : r.getDecimal(0);
  }

}
