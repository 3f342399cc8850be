package dev.streamer.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.app.AppManifest;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.local.AppHandlers;
import dev.streamer.test.quotes.QuotesConnectHandler;
import dev.streamer.test.quotes.QuotesDefaultHandler;
import dev.streamer.test.quotes.QuotesDisconnectHandler;
import dev.streamer.test.quotes.QuotesRouteTable;
import dev.streamer.test.quotes.QuotesStreamProcessor;
import dev.streamer.test.quotes.QuotesSweeper;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppHandlersTest {

  @Test
  void findsTheFiveGeneratedHandlersFromTheRouteTable() {
    AppHandlers handlers = AppHandlers.of(QuotesRouteTable.class).verify();
    assertEquals("Quotes", handlers.appName());
    assertEquals("dev.streamer.test.quotes", handlers.packageName());
    assertEquals(QuotesConnectHandler.class.getName(), handlers.className(HandlerKind.CONNECT));
    assertEquals(QuotesDefaultHandler.class.getName(), handlers.className(HandlerKind.DEFAULT));
    assertEquals(QuotesDisconnectHandler.class.getName(), handlers.className(HandlerKind.DISCONNECT));
    assertEquals(QuotesStreamProcessor.class.getName(), handlers.className(HandlerKind.STREAM_PROCESSOR));
    assertEquals(QuotesSweeper.class.getName(), handlers.className(HandlerKind.SWEEPER));
  }

  @Test
  void theHandlersComeFromTheProcessorsManifest() {
    AppHandlers handlers = AppHandlers.of(QuotesRouteTable.class);
    assertEquals(QuotesRouteTable.class.getName(), handlers.manifest().routeTable());
    assertEquals(AppManifest.only(getClass().getClassLoader()), handlers.manifest());
  }

  @Test
  void aTableWithoutAManifestFailsNamingTheManifestAndTheProcessorOption() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> AppHandlers.of(OrphanRouteTable.class).verify());
    assertTrue(missing.getMessage().contains("META-INF/streamer/orphan-manifest.json"), missing.getMessage());
    assertTrue(missing.getMessage().contains("-Astreamer.app=Orphan"), missing.getMessage());
  }

  @Test
  void aManifestOfAnotherTableOfTheSameAppNameIsRefused() {
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> AppHandlers.of(ImpostorRouteTable.class));
    assertTrue(other.getMessage().contains(QuotesRouteTable.class.getName()), other.getMessage());
  }

  @Test
  void aManifestWithoutLambdaHandlersSaysWhatIsMissing() {
    AppManifest none = new AppManifest("Bare", "com.example", "com.example.BareRouteTable",
        "com.example.BareHandlers", null, List.of(), Map.of());
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> AppHandlers.of(none, getClass().getClassLoader()));
    assertTrue(missing.getMessage().contains("aws-lambda-java-events"), missing.getMessage());
  }

  @Test
  void aListedClassThatIsMissingFailsVerifyNamingIt() {
    Map<HandlerKind, String> functions = new EnumMap<>(HandlerKind.class);
    for (HandlerKind kind : HandlerKind.values()) {
      functions.put(kind, "com.example." + kind.className("Gone"));
    }
    AppManifest gone = new AppManifest("Gone", "com.example", "com.example.GoneRouteTable",
        "com.example.GoneHandlers", null, List.of(), functions);
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> AppHandlers.of(gone, getClass().getClassLoader()).verify());
    assertTrue(missing.getMessage().contains("com.example.GoneConnectHandler"), missing.getMessage());
  }

  @Test
  void aClassThatIsNotARouteTableByNameIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> AppHandlers.of(Misnamed.class));
  }

  /** Named like a generated table, without handlers beside it. */
  static final class OrphanRouteTable implements RouteTable {
    @Override
    public String appName() {
      return "Orphan";
    }

    @Override
    public Route<?, ?> find(String action) {
      return null;
    }

    @Override
    public Collection<Route<?, ?>> routes() {
      return List.of();
    }
  }

  /** Claims the app name of the Quotes fixture, whose manifest names its own table. */
  public static final class ImpostorRouteTable implements RouteTable {
    public static final String APP_NAME = "Quotes";

    @Override
    public String appName() {
      return APP_NAME;
    }

    @Override
    public Route<?, ?> find(String action) {
      return null;
    }

    @Override
    public Collection<Route<?, ?>> routes() {
      return List.of();
    }
  }

  static final class Misnamed implements RouteTable {
    @Override
    public String appName() {
      return "Misnamed";
    }

    @Override
    public Route<?, ?> find(String action) {
      return null;
    }

    @Override
    public Collection<Route<?, ?>> routes() {
      return List.of();
    }
  }
}
