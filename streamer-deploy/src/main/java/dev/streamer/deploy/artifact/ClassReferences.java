package dev.streamer.deploy.artifact;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file can make the JVM load: every name in its constant pool, read conservatively (class
 * entries, and any descriptor, generic signature or dotted {@code software.amazon.awssdk} name in a UTF-8 entry, so
 * string constants used with {@code Class.forName} count too), and its supertypes. Format: JVMS §4.1, §4.4.
 */
public final class ClassReferences {

  private static final Pattern DESCRIPTOR_NAME = Pattern.compile("L([\\w/$]+/[\\w$]+)[;<]");
  private static final Pattern SDK_NAME = Pattern.compile("software\\.amazon\\.awssdk(?:\\.[\\w$]+)+");

  private ClassReferences() {}

  /**
   * What one class file names, read in one pass.
   *
   * @param names every internal name ({@code a/b/C$D}) its constant pool holds
   * @param supertypes its superclass and direct interfaces: what loading it loads
   */
  public record Parsed(Set<String> names, Set<String> supertypes) {}

  /** Internal names ({@code a/b/C$D}) referenced by {@code classFile}. */
  public static Set<String> of(byte[] classFile) {
    return read(classFile).names();
  }

  /** Both, from one parse of {@code classFile}. */
  public static Parsed read(byte[] classFile) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
      if (in.readInt() != 0xCAFEBABE) {
        throw new IllegalArgumentException("not a class file");
      }
      in.readInt(); // minor, major version
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] classNames = new int[count];
      int[] classIndex = new int[count];
      int classes = 0;
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7 -> {
            classIndex[i] = in.readUnsignedShort();
            classNames[classes++] = classIndex[i];
          }
          case 8, 16, 19, 20 -> in.readUnsignedShort();
          case 15 -> { // MethodHandle: reference kind, reference index (read, not skipped: a short class fails loudly)
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++; // 8-byte constants take two entries
          }
          default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
        }
      }
      Set<String> supertypes = new TreeSet<>();
      in.readUnsignedShort(); // access flags
      in.readUnsignedShort(); // this class
      int superclass = in.readUnsignedShort();
      if (superclass != 0) {
        supertypes.add(utf8[classIndex[superclass]]);
      }
      int interfaces = in.readUnsignedShort();
      for (int i = 0; i < interfaces; i++) {
        supertypes.add(utf8[classIndex[in.readUnsignedShort()]]);
      }
      Set<String> names = new TreeSet<>();
      for (int c = 0; c < classes; c++) {
        String name = utf8[classNames[c]];
        if (!name.startsWith("[")) {
          names.add(name);
        }
      }
      for (String text : utf8) {
        if (text == null) {
          continue;
        }
        Matcher descriptor = DESCRIPTOR_NAME.matcher(text);
        while (descriptor.find()) {
          names.add(descriptor.group(1));
        }
        Matcher dotted = SDK_NAME.matcher(text);
        while (dotted.find()) {
          names.add(dotted.group().replace('.', '/'));
        }
      }
      return new Parsed(names, supertypes);
    } catch (IOException e) {
      throw new UncheckedIOException("truncated class file", e);
    }
  }
}
