package dev.streamer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SocketConnectionTest {

  /** Just enough of a WebSocket for the listener side: counts demand. */
  private static final class DemandCounter implements WebSocket {
    long requested;

    @Override public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) { return done(); }
    @Override public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) { return done(); }
    @Override public CompletableFuture<WebSocket> sendPing(ByteBuffer message) { return done(); }
    @Override public CompletableFuture<WebSocket> sendPong(ByteBuffer message) { return done(); }
    @Override public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) { return done(); }
    @Override public void request(long n) { requested += n; }
    @Override public String getSubprotocol() { return ""; }
    @Override public boolean isOutputClosed() { return false; }
    @Override public boolean isInputClosed() { return false; }
    @Override public void abort() {}

    private CompletableFuture<WebSocket> done() {
      return CompletableFuture.completedFuture(this);
    }
  }

  @Test
  void assemblesMessagesThatArriveInPartsAndReportsTheEndOnce() {
    List<String> messages = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    SocketConnection connection = new SocketConnection(new SocketConnection.Events() {
      @Override public void message(SocketConnection c, String text) { messages.add(text); }
      @Override public void pong(SocketConnection c) {}
      @Override public void lost(SocketConnection c, int statusCode, String reason) { ends.add(statusCode); }
    });
    DemandCounter socket = new DemandCounter();
    connection.onOpen(socket);
    connection.onText(socket, "{\"type\":\"res", false);
    connection.onText(socket, "ult\",\"data\":", false);
    connection.onText(socket, "1}", true);
    connection.onText(socket, "{}", true);
    assertEquals(List.of("{\"type\":\"result\",\"data\":1}", "{}"), messages);
    assertEquals(5, socket.requested, "one request on open and one per fragment");

    connection.onClose(socket, 1001, "going away");
    connection.onError(socket, new RuntimeException("after close"));
    assertEquals(List.of(1001), ends);
  }
}
