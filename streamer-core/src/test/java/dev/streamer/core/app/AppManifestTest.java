package dev.streamer.core.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppManifestTest {

  private static final AppManifest SHOP = new AppManifest("Shop", "com.example", "com.example.ShopRouteTable",
      "com.example.ShopHandlers", "com.example.Wiring",
      List.of(new AppManifest.Action("place_order", "com.example.Order", "com.example.Receipt", false, -1, true),
          new AppManifest.Action("report", null, "java.util.Map<java.lang.String, java.lang.Object>", true, 120_000,
              false)),
      Map.of(HandlerKind.SWEEPER, "com.example.ShopSweeper", HandlerKind.CONNECT, "com.example.ShopConnectHandler"));

  @Test
  void roundTripsThroughJson() throws IOException {
    assertEquals(SHOP, AppManifest.read(SHOP.toJson()));
    assertEquals("META-INF/streamer/shop-manifest.json", AppManifest.path("Shop"));
    // kinds in declaration order, whatever the map given
    assertEquals(List.of(HandlerKind.CONNECT, HandlerKind.SWEEPER), List.copyOf(SHOP.functions().keySet()));
  }

  @Test
  void ignoresWhatALaterVersionAdds() throws IOException {
    String json = SHOP.toJson().replace("\"factory\"", "\"future\": {\"x\": [1, {\"y\": 2}]}, \"factory\"")
        .replace("\"CONNECT\"", "\"ISOLATED_WORKER\": \"com.example.ShopIsolatedWorker\", \"CONNECT\"");
    assertEquals(SHOP, AppManifest.read(json));
  }

  @Test
  void rejectsAnotherFormatOrMissingFields() {
    IOException format = assertThrows(IOException.class,
        () -> AppManifest.read(SHOP.toJson().replace("\"format\": 1", "\"format\": 2")));
    assertTrue(format.getMessage().contains("format 2"), format.getMessage());
    assertThrows(IOException.class, () -> AppManifest.read("{\"format\": 1, \"app\": \"Shop\"}"));
    assertThrows(IOException.class, () -> AppManifest.read("[]"));
  }

  @Test
  void findsManifestsThroughTheIndexOfEachClassPathEntry() throws IOException {
    Path one = classPathEntry("one", SHOP);
    AppManifest other = new AppManifest("Other", "org.x", "org.x.OtherRouteTable", "org.x.OtherHandlers", null,
        List.of(), Map.of());
    Path two = classPathEntry("two", other);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {one.toUri().toURL(), two.toUri().toURL()}, null)) {
      assertEquals(List.of(SHOP, other), AppManifest.find(loader));
      assertEquals(other, AppManifest.find(loader, "Other").orElseThrow());
      assertTrue(AppManifest.find(loader, "Nope").isEmpty());
      IllegalStateException several = assertThrows(IllegalStateException.class, () -> AppManifest.only(loader));
      assertTrue(several.getMessage().contains("[Shop, Other]"), several.getMessage());
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {one.toUri().toURL()}, null)) {
      assertEquals(SHOP, AppManifest.only(loader));
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
      assertThrows(IllegalStateException.class, () -> AppManifest.only(loader));
    }
  }

  @Test
  void anIndexedManifestThatIsMissingIsAnError() throws IOException {
    Path dir = classPathEntry("dangling", SHOP);
    Files.delete(dir.resolve(AppManifest.path("Shop")));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AppManifest.find(loader));
      assertTrue(e.getMessage().contains("shop-manifest.json"), e.getMessage());
    }
  }

  private static Path classPathEntry(String name, AppManifest manifest) throws IOException {
    Path dir = Path.of("target", "manifest-test", name);
    Files.createDirectories(dir.resolve("META-INF/streamer"));
    Files.writeString(dir.resolve(AppManifest.path(manifest.appName())), manifest.toJson());
    Files.writeString(dir.resolve(AppManifest.INDEX), "# comment\n" + AppManifest.path(manifest.appName()) + "\n");
    return dir;
  }
}
