package dev.streamer.maven.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tells when class output directories changed and have stopped changing (a compilation finished): a fingerprint
 * of every file's path, size and modification time, compared between polls. Polling a class output is cheap and,
 * unlike a {@code WatchService}, needs no registration of each new package directory.
 */
final class ClassesWatch {

  private final List<Path> roots;
  private long seen;
  private long pending;
  private boolean changing;

  ClassesWatch(List<Path> roots) {
    this.roots = List.copyOf(roots);
    this.seen = fingerprint();
  }

  /**
   * Called once per poll; true once after a change when two polls in a row saw the same new state (a compilation
   * that is still writing files keeps changing the fingerprint).
   */
  boolean changedAndSettled() {
    long now = fingerprint();
    if (now == seen) {
      changing = false;
      return false;
    }
    if (!changing || now != pending) {
      changing = true;
      pending = now;
      return false;
    }
    changing = false;
    seen = now;
    return true;
  }

  long fingerprint() {
    long hash = 17;
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          hash = 31 * hash + entry(file);
        }
      } catch (NoSuchFileException | UncheckedIOException e) {
        return hash * 31 + 1; // deleted while walking: a compilation is running, the next poll sees more
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hash;
  }

  private static long entry(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return file.hashCode() * 31L + attributes.size() * 17L + attributes.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return file.hashCode();
    }
  }
}
