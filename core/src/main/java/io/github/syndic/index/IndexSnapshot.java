package io.github.syndic.index;

import io.github.syndic.format.FormatException;
import io.github.syndic.internal.FormatHeader;
import io.github.syndic.internal.TempFiles;
import io.github.syndic.internal.SpecCodec;
import io.github.syndic.minhash.MinHashScheme;
import io.github.syndic.minhash.MinHashSpec;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The snapshot format of {@link NearDuplicateIndex}: {@link NearDuplicateIndex#save} and {@link
 * NearDuplicateIndex#load} call {@link #write} and {@link #read}.
 *
 * <h2>Format, version 2 (big-endian, {@link DataOutputStream}); version 1 lacks the settings</h2>
 *
 * <pre>
 * int magic "SYNX", int version
 * spec (internal.SpecCodec, as signatures store it): byte scheme id, byte shingle kind (0 word,
 *       1 char), byte n, byte normalizer flags,
 *       byte normalizer rules version, int k, long seed, long spec fingerprint,
 *       int bands, int rows
 * settings (version 2): double threshold, double containment threshold, double copy min ratio,
 *       boolean verify, byte cluster policy, boolean clean, boolean source templates,
 *       long window in ms (-1 none)
 * int documents, long next ordinal, long newest time, long last cutoff
 * int sources, then each as UTF
 * per document: int id byte length + UTF-8 id, long ordinal, long time (Long.MAX_VALUE =
 *       unknown), int source (-1 none), int length, int set size, int trimmed-copy partner
 *       (document number, -1 none, -2 composite), k shorts (values)
 * int clusters, then each: long id, int members, member document numbers (ints)
 * templates: int sources, then each: UTF name, int docs, int lines, (long fp, int count)*
 * int CRC-32C of every preceding byte
 * </pre>
 *
 * <p>Stateless; thread-safe as far as the index's lock makes the index readable.
 */
final class IndexSnapshot {
  /** Format version written (2: settings stored; 1 is still read). */
  static final int VERSION = 2;

  /** Magic "SYNX", 4-byte version (the shared header codec; CRC-32C at the end). */
  static final FormatHeader FORMAT = new FormatHeader("index snapshot", "SYNX", 4, 1, VERSION);

  /**
   * Fewest bytes of a snapshot document besides its k values: id length (4), a 1-byte id,
   * ordinal (8), time (8), source (4), length (4), set size (4), partner (4).
   */
  private static final int MIN_DOC_BYTES = 37;

  /** Bytes of a snapshot document after its id, before its k values: 8 + 8 + 4 + 4 + 4 + 4. */
  private static final int DOC_FIXED_BYTES = 32;

  private IndexSnapshot() {}

  /**
   * Deletes the temporary files of {@link #write} in {@code dir}: {@code NAME.<digits>.tmp}, the
   * names {@link TempFiles#create} gives with the prefix {@code NAME.} (never a hidden file,
   * so the CLI's own {@code .NAME.<digits>.tmp} outputs are left alone). The caller holds the
   * directory's {@link IndexLock}.
   */
  static int deleteTemporaries(Path dir) {
    int n = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (isTemporaryName(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          try {
            if (Files.deleteIfExists(p)) {
              n++;
            }
          } catch (IOException ignored) {
            // best effort: the next holder tries again
          }
        }
      }
    } catch (IOException | UncheckedIOException ignored) {
      // an unreadable directory fails the save itself, with its own message
    }
    return n;
  }

  /** {@code NAME.<digits>.tmp} with a non-empty NAME that does not start with a dot. */
  static boolean isTemporaryName(String name) {
    if (!name.endsWith(".tmp") || name.startsWith(".")) {
      return false;
    }
    int end = name.length() - 4;
    int i = end;
    while (i > 0 && name.charAt(i - 1) >= '0' && name.charAt(i - 1) <= '9') {
      i--;
    }
    return i < end && i >= 2 && name.charAt(i - 1) == '.';
  }

  /** Writes {@code ix} (read lock held by the caller); fails after {@code failAfter} bytes (tests). */
  static void write(NearDuplicateIndex ix, Path file, long failAfter) {
    Objects.requireNonNull(file, "file");
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    boolean moved = false;
    try {
      tmp = TempFiles.create(dir, abs.getFileName().toString() + ".");
      // opened without CREATE: a temporary file deleted meanwhile (by a shutdown hook, see
      // IndexLock#removeTemporarySnapshots) is not brought back
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream fos = Channels.newOutputStream(ch)) {
        CRC32C crc = new CRC32C();
        OutputStream limited = failAfter == Long.MAX_VALUE ? fos : new CrashingStream(fos, failAfter);
        CheckedOutputStream checked =
            new CheckedOutputStream(new BufferedOutputStream(limited, 1 << 16), crc);
        DataOutputStream out = new DataOutputStream(checked);
        writeBody(ix, out);
        out.flush();
        int sum = (int) crc.getValue();
        out.writeInt(sum);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save index snapshot to " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null && !moved) {
        try {
          Files.deleteIfExists(tmp); // no litter on a failed save (a full disk stays usable)
        } catch (IOException ignored) {
          // the save's own failure is reported
        }
      }
    }
  }

  /** A source name, refused when longer than {@link IndexLimits#MAX_SOURCE_BYTES}. */
  static String readSource(DataInput in) throws IOException {
    String s = in.readUTF();
    if (s.getBytes(StandardCharsets.UTF_8).length > IndexLimits.MAX_SOURCE_BYTES) {
      throw new IOException("source name longer than " + IndexLimits.MAX_SOURCE_BYTES
          + " bytes");
    }
    return s;
  }

  /**
   * Fails unless a snapshot can be written in {@code dir}: creates and deletes a temporary file
   * there, as {@link #write} does.
   */
  static void checkWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, "index.syndic.", ".probe"));
    } catch (IOException e) {
      throw new UncheckedIOException("index directory " + dir + " is not writable: " + e, e);
    }
  }

  /** An output stream that fails after a number of bytes, as a killed writer would stop. */
  private static final class CrashingStream extends FilterOutputStream {
    private long left;

    CrashingStream(OutputStream out, long limit) {
      super(out);
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        out.write(b, off, (int) left);
        left = 0;
        out.flush();
        throw new IOException("simulated crash of the writer");
      }
      out.write(b, off, len);
      left -= len;
    }
  }

  private static void writeBody(NearDuplicateIndex ix, DataOutputStream out) throws IOException {
    IndexConfig config = ix.config();
    DocStore d = ix.docs;
    MinHashSpec spec = config.spec();
    int k = d.k;
    FORMAT.write(out);
    writeSpec(out, spec, config.lsh().bands(), config.lsh().rows());
    SnapshotSettings.write(out, config);
    out.writeInt(d.size);
    out.writeLong(d.nextOrdinal);
    out.writeLong(ix.clock.newest());
    out.writeLong(ix.clock.cutoff());
    out.writeInt(d.sourceNames.size());
    for (String s : d.sourceNames) {
      out.writeUTF(s);
    }
    byte[] fixed = new byte[DOC_FIXED_BYTES + 2 * k];
    ByteBuffer fb = ByteBuffer.wrap(fixed);
    int[] number = new int[d.slotsUsed];
    int n = 0;
    for (int s = 0; s < d.slotsUsed; s++) {
      number[s] = d.ids.live(s) ? n++ : -1;
    }
    for (int s = 0; s < d.slotsUsed; s++) {
      if (!d.ids.live(s)) {
        continue;
      }
      byte[] id = d.ids.bytes(s);
      out.writeInt(id.length);
      out.write(id);
      fb.clear();
      fb.putLong(d.ordinals.get(s));
      fb.putLong(d.timestamps.get(s));
      fb.putInt(d.sources.get(s));
      fb.putInt(d.lengths.get(s));
      fb.putInt(d.setSizes.get(s));
      int partner = d.trimPartner.get(s) == DocStore.COMPOSITE ? DocStore.COMPOSITE : d.validPartner(s);
      fb.putInt(partner >= 0 ? number[partner] : partner);
      for (int i = 0; i < k; i++) {
        fb.putShort(d.store.value(s, i));
      }
      out.write(fixed); // one bulk write: the checksum stream is slow per byte
    }
    out.writeInt(d.clusters.count());
    for (int c = 0; c < d.clusters.numbers(); c++) {
      int m = d.clusters.size(c);
      if (m == 0) {
        continue;
      }
      out.writeLong(d.clusters.id(c));
      out.writeInt(m);
      int head = d.clusters.head(c);
      int s = head;
      do {
        out.writeInt(number[s]);
        s = d.clusters.next(s);
      } while (s != head);
    }
    ix.templates.write(out);
  }

  private static void writeSpec(DataOutputStream out, MinHashSpec spec, int bands, int rows)
      throws IOException {
    SpecCodec.write(out, spec);
    out.writeInt(bands);
    out.writeInt(rows);
  }

  static NearDuplicateIndex read(Path file, IndexConfig config, WindowRule window) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(config, "config");
    CRC32C crc = new CRC32C();
    try (InputStream raw = Files.newInputStream(file)) {
      DataInputStream in =
          new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc));
      long fileBytes = Files.size(file);
      NearDuplicateIndex index;
      try {
        index = readBody(in, config, file, fileBytes, window);
      } catch (Mismatch e) {
        // A flipped byte in the header reads as another spec or setting: the checksum decides.
        if (!checksumHolds(file)) {
          throw new SnapshotException("index snapshot " + file + " is damaged: checksum mismatch");
        }
        throw e;
      } catch (EOFException e) {
        throw new SnapshotException("index snapshot " + file + " is truncated (damaged)", e);
      } catch (IOException | RuntimeException e) {
        if (e instanceof SnapshotException se) {
          throw se;
        }
        throw new SnapshotException("index snapshot " + file + " is damaged: " + e.getMessage(), e);
      }
      int expected = (int) crc.getValue();
      int stored;
      try {
        stored = in.readInt();
      } catch (EOFException e) {
        throw new SnapshotException("index snapshot " + file + " is truncated (no checksum)", e);
      }
      if (stored != expected) {
        throw new SnapshotException("index snapshot " + file + " is damaged: checksum mismatch");
      }
      if (in.read() != -1) {
        throw new SnapshotException("index snapshot " + file + " is damaged: bytes after checksum");
      }
      return index;
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no index snapshot at " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  /** A well-formed snapshot made with another spec or settings. */
  /** Which window a loaded index gets when the snapshot's and the configuration's differ. */
  enum WindowRule {
    /** They must be equal (a difference is refused). */
    MATCH,
    /** The configuration's. */
    CONFIG,
    /** The snapshot's. */
    SNAPSHOT
  }

  static final class Mismatch extends SnapshotException {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message);
    }
  }

  /** True when the file's last 4 bytes are the CRC-32C of the bytes before them. */
  private static boolean checksumHolds(Path file) throws IOException {
    long n = Files.size(file);
    if (n < 4) {
      return false;
    }
    CRC32C crc = new CRC32C();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      byte[] buf = new byte[1 << 16];
      long left = n - 4;
      while (left > 0) {
        int r = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (r < 0) {
          return false;
        }
        crc.update(buf, 0, r);
        left -= r;
      }
      return new DataInputStream(in).readInt() == (int) crc.getValue();
    }
  }

  private static NearDuplicateIndex readBody(
      DataInputStream in, IndexConfig config, Path file, long fileBytes,
      WindowRule windowRule) throws IOException {
    int version;
    try {
      version = FORMAT.read(in);
    } catch (FormatException e) {
      throw new SnapshotException(file + ": " + e.getMessage(), e);
    }
    SpecCodec.Stored spec = SpecCodec.read(in);
    int k = spec.k();
    int bands = in.readInt();
    int rows = in.readInt();
    String found = spec.describe() + " bands=" + bands + " rows=" + rows;
    MinHashSpec want = config.spec();
    String expected = SpecCodec.describe(want) + " bands=" + config.lsh().bands() + " rows="
        + config.lsh().rows();
    boolean same =
        spec.matches(want) && bands == config.lsh().bands() && rows == config.lsh().rows();
    if (!same) {
      MinHashScheme.ofId(spec.scheme()); // an unknown scheme id is named by its own message
      throw new Mismatch(
          "index snapshot " + file + " was made with " + found + " but the configuration has "
              + expected);
    }
    if (version >= 2) {
      long stored = SnapshotSettings.check(in, config, file, windowRule != WindowRule.MATCH);
      if (windowRule == WindowRule.SNAPSHOT) {
        config = config.toBuilder().window(stored < 0 ? null : Duration.ofMillis(stored)).build();
      }
    } // version 1 stored no settings: the configuration's are taken as they are
    int docs = in.readInt();
    if (docs < 0) {
      throw new SnapshotException("index snapshot " + file + " is damaged: " + docs + " documents");
    }
    // The index is sized for docs before any is read, so a damaged count must not allocate more
    // than the file could describe: each document takes at least MIN_DOC_BYTES + 2k bytes.
    if (docs * (MIN_DOC_BYTES + 2L * k) > fileBytes) {
      throw new SnapshotException(
          "index snapshot " + file + " is damaged: " + docs + " documents cannot fit in its "
              + fileBytes + " bytes");
    }
    NearDuplicateIndex ix = new NearDuplicateIndex(config, docs);
    DocStore x = ix.docs;
    x.nextOrdinal = in.readLong();
    long newest = in.readLong();
    ix.clock.restore(newest, in.readLong());
    int nSources = in.readInt();
    if (nSources < 0) {
      throw new IOException("negative source count " + nSources);
    }
    for (int i = 0; i < nSources; i++) {
      x.codeOf(readSource(in));
    }
    short[] v = new short[k];
    byte[] fixed = new byte[DOC_FIXED_BYTES + 2 * k];
    ByteBuffer fb = ByteBuffer.wrap(fixed);
    IntArrayList toBand = new IntArrayList(docs);
    for (int d = 0; d < docs; d++) {
      int len = in.readInt();
      if (len <= 0 || len > IndexLimits.MAX_ID_BYTES) {
        throw new IOException("id length " + len + " of document " + d);
      }
      byte[] raw = in.readNBytes(len);
      if (raw.length != len) {
        throw new EOFException();
      }
      // Malformed UTF-8 is decoded with replacement characters, as a String id would be, so two
      // ids that read as the same string are duplicates.
      byte[] id = new String(raw, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
      // The fixed part of a document in one bulk read (the checksum stream is slow per byte).
      in.readFully(fixed);
      fb.clear();
      int slot = x.allocate();
      x.ordinals.set(slot, fb.getLong());
      x.timestamps.set(slot, fb.getLong());
      int src = fb.getInt();
      if (src < -1 || src >= nSources) {
        throw new IOException("source " + src + " of document " + d);
      }
      x.sources.set(slot, src);
      x.lengths.set(slot, fb.getInt());
      x.setSizes.set(slot, fb.getInt());
      x.clusters.reset(slot);
      int partner = fb.getInt();
      if (partner < DocStore.COMPOSITE || partner >= docs) {
        throw new IOException("trimmed-copy partner " + partner + " of document " + d);
      }
      x.trimPartner.set(slot, partner);
      for (int i = 0; i < k; i++) {
        v[i] = fb.getShort();
      }
      if (x.ids.find(id) >= 0) {
        throw new IOException("duplicate id '" + new String(id, StandardCharsets.UTF_8) + "'");
      }
      x.ids.put(slot, id);
      x.store.setValues(slot, v);
      if (x.setSizes.get(slot) > 0) {
        toBand.add(slot);
      }
      x.size++;
    }
    x.store.bandAll(toBand.elements(), toBand.size());
    int nClusters = in.readInt();
    if (nClusters < 0) {
      throw new IOException("negative cluster count " + nClusters);
    }
    for (int c = 0; c < nClusters; c++) {
      long id = in.readLong();
      int m = in.readInt();
      if (m < 1 || m > docs) {
        throw new IOException("cluster of " + m + " members");
      }
      int cl = -1;
      for (int i = 0; i < m; i++) {
        int d = in.readInt();
        if (d < 0 || d >= docs || x.clusters.of(d) >= 0) {
          throw new IOException("bad cluster member " + d);
        }
        if (cl < 0) {
          cl = x.clusters.create(id, d);
        } else {
          x.clusters.join(cl, d, Long.MAX_VALUE); // the stored id stays
        }
      }
    }
    for (int d = 0; d < docs; d++) {
      if (x.trimPartner.get(d) >= 0) {
        x.trimPartnerOrd.set(d, (int) x.ordinals.get(x.trimPartner.get(d)));
      }
    }
    ix.templates.read(in);
    return ix;
  }
}
