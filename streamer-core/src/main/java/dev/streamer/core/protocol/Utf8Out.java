package dev.streamer.core.protocol;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where a message's generator writes its UTF-8 bytes. Jackson's byte generator fills its own recycled buffer and
 * hands it over once when closed (more often only for messages past its 8,000-byte buffer), so the first write is
 * kept as the message's array: one copy from the generator's buffer, none more.
 */
final class Utf8Out extends OutputStream {

  private static final byte[] EMPTY = new byte[0];

  private byte[] bytes = EMPTY;
  private int length;

  @Override
  public void write(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int offset, int count) {
    if (bytes == EMPTY) {
      bytes = Arrays.copyOfRange(b, offset, offset + count);
      length = count;
      return;
    }
    ensure(count);
    System.arraycopy(b, offset, bytes, length, count);
    length += count;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + more, Math.max(64, bytes.length * 2)));
    }
  }

  byte[] toByteArray() {
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }
}
