package io.github.syndic.spark;

import org.apache.spark.sql.SparkSession;

/** The shared local session of a test class: two cores, no UI, few shuffle partitions. */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession local() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("syndic-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.driver.host", "127.0.0.1")
        // Tiny inputs: interpreted expressions cost less than compiling generated code.
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .getOrCreate();
  }
}
