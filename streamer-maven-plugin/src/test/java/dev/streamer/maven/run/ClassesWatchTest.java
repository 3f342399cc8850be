package dev.streamer.maven.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassesWatchTest {

  @Test
  void reportsAChangeOnceItHasSettled() throws Exception {
    Path root = Files.createDirectories(Path.of("target", "classes-watch-test", "classes"));
    Path file = Files.writeString(root.resolve("A.class"), "a");
    ClassesWatch watch = new ClassesWatch(List.of(root, root.resolveSibling("missing")));
    assertFalse(watch.changedAndSettled(), "nothing changed");

    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
    assertFalse(watch.changedAndSettled(), "first seen: may still be compiling");
    Files.writeString(root.resolve("B.class"), "b");
    assertFalse(watch.changedAndSettled(), "still changing");
    assertTrue(watch.changedAndSettled(), "settled");
    assertFalse(watch.changedAndSettled(), "reported once");

    Files.delete(root.resolve("B.class"));
    assertFalse(watch.changedAndSettled());
    assertTrue(watch.changedAndSettled(), "a deletion is a change too");
  }
}
