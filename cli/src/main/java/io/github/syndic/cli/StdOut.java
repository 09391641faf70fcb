package io.github.syndic.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error as UTF-8 writers that remember why a write failed. A
 * {@link PrintWriter} swallows {@link IOException}s (and {@code System.out} does too); commands
 * check {@link #failed} after each output and stop with the reason from {@link #reason} (a full
 * disk, a closed descriptor) or, on a broken pipe ({@code | head}), with status
 * {@link #BROKEN_PIPE_STATUS} and no message, as other command-line tools do. Writers from other
 * sources (tests) work too, with a generic reason. Thread-safe as PrintWriter is.
 */
final class StdOut extends PrintWriter {
  /** Exit status after a broken pipe: 128 + SIGPIPE, what a shell reports for tools it killed. */
  static final int BROKEN_PIPE_STATUS = 141;

  private static final int BUFFER_BYTES = 1 << 16;

  private final Recording sink;

  private StdOut(Recording sink, boolean autoFlush) {
    super(new OutputStreamWriter(sink, StandardCharsets.UTF_8), autoFlush);
    this.sink = sink;
  }

  /** A writer on the process's standard output (buffered; flushed by checks and at the end). */
  static StdOut out() {
    return new StdOut(new Recording(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
        BUFFER_BYTES)), false);
  }

  /** A writer on the process's standard error (flushed at each line). */
  static StdOut err() {
    return new StdOut(new Recording(new FileOutputStream(FileDescriptor.err)), true);
  }

  /** Whether writing to {@code w} has failed (flushes it first). */
  static boolean failed(PrintWriter w) {
    return w.checkError();
  }

  /** Why writing to {@code w} failed, e.g. "No space left on device". */
  static String reason(PrintWriter w) {
    if (w instanceof StdOut s && s.sink.failure != null) {
      String m = s.sink.failure.getMessage();
      return m == null ? s.sink.failure.getClass().getSimpleName() : m;
    }
    return "write error";
  }

  /** Whether {@code w} failed because its reader went away (EPIPE). */
  static boolean brokenPipe(PrintWriter w) {
    return w instanceof StdOut s && s.sink.failure != null
        && String.valueOf(s.sink.failure.getMessage()).contains("Broken pipe");
  }

  /** Remembers the first failure of the stream below. */
  private static final class Recording extends FilterOutputStream {
    volatile IOException failure;

    Recording(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        record(e);
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        record(e);
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        record(e);
        throw e;
      }
    }

    private void record(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }
}
