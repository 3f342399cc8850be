package dev.streamer.samples.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child-JVM main: for each line {@code init <class>} or {@code load <class>} of a file, loads the class (and for
 * {@code init} links, verifies and initialises it). Prints {@code FAIL <class> <error>} per failure and
 * {@code DONE <count>} at the end.
 */
public final class LinkProbe {

  private LinkProbe() {}

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    ClassLoader loader = LinkProbe.class.getClassLoader();
    int count = 0;
    for (String line : lines) {
      String name = line.substring(5);
      try {
        Class.forName(name, line.startsWith("init "), loader);
      } catch (LinkageError | ClassNotFoundException e) {
        System.out.println("FAIL " + name + " " + e);
      }
      count++;
    }
    System.out.println("DONE " + count);
  }
}
