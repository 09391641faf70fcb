package io.github.syndic.internal;

import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.index.SourceTemplates;
import io.github.syndic.minhash.Signature;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.Objects;

/**
 * The Java serialization form of every persisted type of syndic: a tag naming the type and the
 * type's checked bytes ({@code toBytes()}: magic, version, contents, CRC-32C). {@link Signature},
 * {@link TemplateModel} and {@link SourceTemplates} return one from {@code writeReplace} and refuse
 * to be read any other way, so a value read back on another JVM (a Spark executor) passes the same
 * magic, version, checksum and spec checks ({@code fromBytes}) as bytes read from a file: a
 * damaged stream gets a {@link io.github.syndic.format.FormatException}. The byte forms are the
 * versioned formats (golden files pin them); this class adds nothing to them but the tag.
 *
 * <p>Internal. Immutable and thread-safe.
 */
public final class BytesProxy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The persisted types; the tag is serialized by name. Immutable and thread-safe. */
  public enum Form {
    /** A {@link Signature}. */
    SIGNATURE,
    /** A {@link TemplateModel}. */
    TEMPLATE_MODEL,
    /** A {@link SourceTemplates}. */
    SOURCE_TEMPLATES
  }

  private final Form form;
  private final byte[] bytes;

  /** The serialized form of a value of {@code form} whose {@code toBytes()} are {@code bytes}. */
  public BytesProxy(Form form, byte[] bytes) {
    this.form = Objects.requireNonNull(form, "form");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** Reads the value back through its type's checked reader. */
  private Object readResolve() throws InvalidObjectException {
    if (form == null || bytes == null) {
      throw new InvalidObjectException("serialized syndic value without form or bytes");
    }
    return switch (form) {
      case SIGNATURE -> Signature.fromBytes(bytes);
      case TEMPLATE_MODEL -> TemplateModel.fromBytes(bytes);
      case SOURCE_TEMPLATES -> SourceTemplates.fromBytes(bytes);
    };
  }

  /**
   * What a persisted type's {@code readObject} throws: a stream that holds the type itself rather
   * than its proxy is forged (it would skip the checks).
   */
  public static InvalidObjectException refused(Form form) {
    return new InvalidObjectException(form + " is serialized through its proxy");
  }
}
