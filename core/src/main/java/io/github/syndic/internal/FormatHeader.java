package io.github.syndic.internal;

import io.github.syndic.format.FormatException;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The one header codec and checksum of syndic's persisted forms: a magic, a format version (one or
 * four bytes, big-endian) and, at the end of the bytes, a CRC-32C of every byte before it. Each
 * format names itself, so every refusal reads the same way ("not a syndic signature (bad magic)",
 * "index snapshot has format version 3; this library reads 1 to 2").
 *
 * <pre>{@code
 * static final FormatHeader HEADER = new FormatHeader("signature", "SYNS", 1, 1, 1);
 * HEADER.write(buf);                     // magic + current version
 * int version = HEADER.read(buf);        // checks magic and version, or throws FormatException
 * }</pre>
 *
 * <p>Internal (the forms' layouts are documented on the types that write them). Immutable and
 * thread-safe.
 */
public final class FormatHeader {
  private final String name;
  private final byte[] magic;
  private final int versionBytes;
  private final int oldest;
  private final int current;

  /**
   * A format.
   *
   * @param name what the bytes are, for messages ("signature", "index snapshot")
   * @param magic the leading bytes, ASCII
   * @param versionBytes 1 or 4
   * @param oldest the oldest version this library reads
   * @param current the version written
   */
  public FormatHeader(String name, String magic, int versionBytes, int oldest, int current) {
    this.name = Objects.requireNonNull(name, "name");
    this.magic = magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (versionBytes != 1 && versionBytes != 4) {
      throw new IllegalArgumentException("versionBytes must be 1 or 4, got " + versionBytes);
    }
    if (oldest < 1 || current < oldest) {
      throw new IllegalArgumentException("versions " + oldest + " to " + current);
    }
    this.versionBytes = versionBytes;
    this.oldest = oldest;
    this.current = current;
  }

  /** The format's name. */
  public String name() {
    return name;
  }

  /** The version written. */
  public int current() {
    return current;
  }

  /** Bytes of magic and version. */
  public int length() {
    return magic.length + versionBytes;
  }

  /** Writes magic and the current version. */
  public void write(ByteBuffer buf) {
    buf.put(magic);
    if (versionBytes == 1) {
      buf.put((byte) current);
    } else {
      buf.putInt(current);
    }
  }

  /** Writes magic and the current version. */
  public void write(DataOutput out) throws IOException {
    out.write(magic);
    if (versionBytes == 1) {
      out.writeByte(current);
    } else {
      out.writeInt(current);
    }
  }

  /**
   * Reads and checks magic and version.
   *
   * @return the version, between the oldest and the current
   * @throws FormatException naming the format when the magic or the version is wrong
   */
  public int read(ByteBuffer buf) {
    try {
      byte[] m = new byte[magic.length];
      buf.get(m);
      checkMagic(m);
      return checkVersion(versionBytes == 1 ? buf.get() : buf.getInt());
    } catch (BufferUnderflowException e) {
      throw new FormatException("not a syndic " + name + ": truncated", e);
    }
  }

  /** {@link #read(ByteBuffer)} from a stream. */
  public int read(DataInput in) throws IOException {
    byte[] m = new byte[magic.length];
    in.readFully(m);
    checkMagic(m);
    return checkVersion(versionBytes == 1 ? in.readByte() : in.readInt());
  }

  private void checkMagic(byte[] m) {
    if (!Arrays.equals(m, magic)) {
      throw new FormatException("not a syndic " + name + " (bad magic)");
    }
  }

  private int checkVersion(int version) {
    if (version < oldest || version > current) {
      throw new FormatException(
          name + " has format version " + version + "; this library reads "
              + (oldest == current ? String.valueOf(current) : oldest + " to " + current));
    }
    return version;
  }

  /** A {@link FormatException} saying the bytes are damaged. */
  public FormatException damaged(String what) {
    return new FormatException(name + " is damaged: " + what);
  }

  /** CRC-32C of {@code bytes[from, to)}: the checksum of every format. */
  public static int crc32c(byte[] bytes, int from, int to) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, to - from);
    return (int) crc.getValue();
  }

  /**
   * {@code body} followed by its CRC-32C as a big-endian int: the tail that {@link
   * #checkTrailingCrc} checks.
   */
  public static byte[] withTrailingCrc(byte[] body) {
    byte[] out = Arrays.copyOf(body, body.length + 4);
    ByteBuffer.wrap(out, body.length, 4).putInt(crc32c(body, 0, body.length));
    return out;
  }

  /**
   * Checks the trailing CRC-32C of {@code bytes} (the last 4 bytes, big-endian, over every byte
   * before them).
   *
   * @throws FormatException when it does not match or the bytes are shorter than 4
   */
  public void checkTrailingCrc(byte[] bytes) {
    if (bytes.length < 4) {
      throw new FormatException("not a syndic " + name + ": truncated");
    }
    int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    if (stored != crc32c(bytes, 0, bytes.length - 4)) {
      throw damaged("checksum mismatch");
    }
  }
}
