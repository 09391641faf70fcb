package io.github.syndic.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the JSON Lines reader and the record rules of {@code dedup}/{@code learn}: any bytes give,
 * for every line that is not blank, exactly one record or one error naming that line, in line
 * order, never an exception; no line is reported twice; a record becomes a document or one
 * {@code file:line: reason} error, and a document's id obeys {@link Records#idProblem} (no tab or
 * line break that would break the TSV, no unpaired surrogate). The line limit is small (the first
 * input byte picks 16-271 bytes), so the fuzzer reaches the over-long path too.
 */
class JsonLinesFuzzTest {
  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void everyLineIsOneRecordOrOneError(byte[] data) {
    int limit = data.length == 0 ? 64 : 16 + (data[0] & 0xFF);
    List<Long> lines = new ArrayList<>();
    List<ObjectNode> records = new ArrayList<>();
    try {
      new JsonLines(StandardCharsets.UTF_8, limit).read(new ByteArrayInputStream(data),
          new JsonLines.Handler() {
            @Override
            public void record(long line, ObjectNode r) {
              lines.add(line);
              records.add(r);
            }

            @Override
            public void error(long line, String reason) {
              if (reason.isEmpty() || reason.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new AssertionError("reason must be one non-empty line: " + reason);
              }
              lines.add(line);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i) <= lines.get(i - 1)) {
        throw new AssertionError("lines out of order or twice: " + lines);
      }
    }
    long nonBlank = nonBlankLines(data, limit);
    if (lines.size() != nonBlank) {
      throw new AssertionError(lines.size() + " results for " + nonBlank + " non-blank lines");
    }
    StringWriter err = new StringWriter();
    FeedDocs feed = new FeedDocs(new PrintWriter(err), StandardCharsets.UTF_8, "source");
    int docs = 0;
    for (ObjectNode r : records) {
      FeedDocs.Doc d = feed.doc("f:1", r);
      if (d != null) {
        docs++;
        if (Records.idProblem(d.id()) != null) {
          throw new AssertionError("document with a bad id: " + d.id());
        }
      }
    }
    if (docs + feed.failures != records.size()) {
      throw new AssertionError(docs + " documents + " + feed.failures + " errors for "
          + records.size() + " records: " + err);
    }
  }

  /**
   * Lines over the limit, and lines with a byte other than space, tab or CR (a leading UTF-8 BOM
   * on line 1 ignored).
   */
  private static long nonBlankLines(byte[] data, int limit) {
    long n = 0;
    int start = 0;
    for (int i = 0; i <= data.length; i++) {
      if (i == data.length || data[i] == '\n') {
        int from = start;
        if (start == 0 && i >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB
            && (data[2] & 0xFF) == 0xBF) {
          from = 3;
        }
        boolean blank = true;
        for (int j = from; j < i; j++) {
          blank &= data[j] == ' ' || data[j] == '\t' || data[j] == '\r';
        }
        if (!blank || i - start > limit) {
          n++;
        }
        start = i + 1;
      }
    }
    return n;
  }
}
