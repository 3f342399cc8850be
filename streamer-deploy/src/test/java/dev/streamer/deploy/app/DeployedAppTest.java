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
  void readsNameActionsAndHandlerClassesFromTheManifestWithoutLoadingThem() {
    // The manifest names classes that do not exist: reading it loads and runs no application code.
    DeployedApp app = DeployedApp.find(loader, "Orders");
    assertEquals("Orders", app.appName());
    assertEquals("dev.streamer.deploy.testapp.OrdersRouteTable", app.routeTable());
    assertEquals(List.of("place_order", "ship"), app.actions());
    assertEquals(List.of("status", "subscribe", "cancel"), app.builtinActions());
    assertEquals("dev.streamer.deploy.testapp.OrdersDefaultHandler", app.handlerClass(HandlerKind.DEFAULT));
    assertEquals("OrdersStreamProcessor", app.handlerSimpleName(HandlerKind.STREAM_PROCESSOR));
    assertEquals("OrdersSweeper", app.handlerSimpleName(HandlerKind.SWEEPER));
    assertThrows(ClassNotFoundException.class, () -> Class.forName(app.handlerClass(HandlerKind.DEFAULT)));
  }

  @Test
  void anAppWithoutGeneratedHandlersIsNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DeployedApp.find(loader, "Broken"));
    assertTrue(e.getMessage().contains("BrokenConnectHandler"), e.getMessage());
  }

  @Test
  void unknownOrAmbiguousApp() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> DeployedApp.find(loader, "NoSuchApp"));
    assertTrue(missing.getMessage().contains("META-INF/streamer/nosuchapp-manifest.json"), missing.getMessage());
    IllegalStateException several = assertThrows(IllegalStateException.class, () -> DeployedApp.find(loader, null));
    assertTrue(several.getMessage().contains("Orders") && several.getMessage().contains("Broken"),
        several.getMessage());
  }
}
