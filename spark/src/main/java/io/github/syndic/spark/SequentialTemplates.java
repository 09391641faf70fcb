package io.github.syndic.spark;

import io.github.syndic.index.SourceTemplates;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Learns each source's template with the library's own model, from the source's documents in the
 * batch order (its counting forgets rare lines past a limit, so the order matters within a
 * source, never across sources): a source is learned in one task, the sources in parallel.
 *
 * <p>Not thread-safe; one call per partition.
 */
final class SequentialTemplates {
  private SequentialTemplates() {}

  /**
   * From rows (src, ts_null, ts_sec, ts_nano, id_key, fps) sorted by source then batch order, one
   * row (src, template fingerprints) per source.
   */
  static Iterator<Row> learn(Iterator<Row> rows, Engine engine) {
    List<Row> out = new ArrayList<>();
    String current = null;
    SourceTemplates model = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      String src = r.getString(0);
      if (!src.equals(current)) {
        flush(model, out);
        current = src;
        model = engine.newTemplates();
      }
      List<Long> list = r.getList(5);
      long[] fps = new long[list.size()];
      for (int i = 0; i < fps.length; i++) {
        fps[i] = list.get(i);
      }
      model.learn(src, fps);
    }
    flush(model, out);
    return out.iterator();
  }

  private static void flush(SourceTemplates model, List<Row> out) {
    if (model == null) {
      return;
    }
    for (Map.Entry<String, long[]> e : model.templateLines().entrySet()) {
      Long[] boxed = new Long[e.getValue().length];
      for (int i = 0; i < boxed.length; i++) {
        boxed[i] = e.getValue()[i];
      }
      out.add(RowFactory.create(e.getKey(), boxed));
    }
  }
}
