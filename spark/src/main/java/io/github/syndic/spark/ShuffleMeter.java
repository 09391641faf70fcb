package io.github.syndic.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Sums the shuffle bytes written and read by the finished tasks of a session (Spark's own task
 * metrics), for the command's summary.
 *
 * <p>Thread-safe (atomic counters; Spark calls it from its listener thread).
 */
final class ShuffleMeter extends SparkListener {
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong read = new AtomicLong();

  static ShuffleMeter attach(SparkSession spark) {
    ShuffleMeter m = new ShuffleMeter();
    spark.sparkContext().addSparkListener(m);
    return m;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics t = end.taskMetrics();
    if (t != null) {
      written.addAndGet(t.shuffleWriteMetrics().bytesWritten());
      read.addAndGet(t.shuffleReadMetrics().totalBytesRead());
    }
  }

  long written() {
    return written.get();
  }

  long read() {
    return read.get();
  }
}
