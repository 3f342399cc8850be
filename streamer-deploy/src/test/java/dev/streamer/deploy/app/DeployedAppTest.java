package dev.streamer.deploy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.app.HandlerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployedAppTest {

  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void readsNameActionsAndHandlerClassesWithoutInitialisingHandlers() {
    // The stand-in handler classes throw from their static initialiser: loading the app proves none ran.
    DeployedApp app = DeployedApp.load("dev.streamer.deploy.testapp.OrdersRouteTable", loader);
    assertEquals("Orders", app.appName());
    assertEquals(List.of("place_order", "ship"), app.actions());
    assertEquals(List.of("status", "subscribe", "cancel"), app.builtinActions());
    assertEquals("dev.streamer.deploy.testapp.OrdersDefaultHandler", app.handlerClass(HandlerKind.DEFAULT));
    assertEquals("OrdersStreamProcessor", app.handlerSimpleName(HandlerKind.STREAM_PROCESSOR));
    assertEquals("OrdersSweeper", app.handlerSimpleName(HandlerKind.SWEEPER));
  }

  @Test
  void missingHandlerClassesAreNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DeployedApp.load("dev.streamer.deploy.testapp.BrokenRouteTable", loader));
    assertTrue(e.getMessage().contains("dev.streamer.deploy.testapp.BrokenConnectHandler"), e.getMessage());
  }

  @Test
  void notARouteTable() {
    assertThrows(IllegalArgumentException.class, () -> DeployedApp.load("java.lang.String", loader));
    assertThrows(IllegalArgumentException.class, () -> DeployedApp.load("no.such.RouteTable", loader));
  }
}
