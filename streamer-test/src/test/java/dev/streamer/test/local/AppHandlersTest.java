package dev.streamer.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.test.quotes.QuotesConnectHandler;
import dev.streamer.test.quotes.QuotesDefaultHandler;
import dev.streamer.test.quotes.QuotesDisconnectHandler;
import dev.streamer.test.quotes.QuotesRouteTable;
import dev.streamer.test.quotes.QuotesStreamProcessor;
import dev.streamer.test.quotes.QuotesSweeper;
import java.util.Collection;
import java.util.List;
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
  void aTableWithoutGeneratedHandlersFailsNamingTheMissingClass() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> AppHandlers.of(OrphanRouteTable.class).verify());
    assertTrue(missing.getMessage().contains("dev.streamer.test.local.OrphanConnectHandler"), missing.getMessage());
    assertTrue(missing.getMessage().contains("-Astreamer.app=Orphan"), missing.getMessage());
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
