// Runs in the invoker's JVM before `mvn streamer:run` starts in its own: a background client waits for the ready
// file, sends the app's own example request over a real WebSocket, makes the handlers reload by touching the class
// output, sends again on the same connection, and then creates the stop file. verify.groovy checks its log.
import java.net.URI
import java.net.http.HttpClient
import java.net.http.WebSocket
import java.nio.file.Files
import java.nio.file.attribute.FileTime
import java.time.Instant
import java.util.concurrent.CompletionStage
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

def dir = new File(basedir, 'target/streamer-run').toPath()
Files.createDirectories(dir)
def ready = dir.resolve('ready.properties')
def stop = dir.resolve('stop')
def clientLog = dir.resolve('client.log')
[ready, stop, clientLog].each { Files.deleteIfExists(it) }

def readReady = {
  def p = new Properties()
  ready.toFile().withInputStream { p.load(it) }
  p
}
def waitFor = { long seconds, Closure<Boolean> condition ->
  long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
  while (!condition()) {
    if (System.nanoTime() > end) {
      throw new IllegalStateException("timed out after ${seconds} s")
    }
    Thread.sleep(100)
  }
}

Thread.startDaemon('streamer-run-it-client') {
  def log = new StringBuilder()
  try {
    waitFor(150) { Files.exists(ready) }
    def props = readReady()
    log << "example ${props.exampleRequest}\n"
    def replies = new LinkedBlockingQueue<String>()
    def listener = new WebSocket.Listener() {
      StringBuilder text = new StringBuilder()
      CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        text.append(data)
        if (last) {
          replies.add(text.toString())
          text = new StringBuilder()
        }
        socket.request(1)
        return null
      }
    }
    def socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(props.webSocketUri + '?token=' + props.token), listener).get(20, TimeUnit.SECONDS)
    socket.sendText(props.exampleRequest, true).get(10, TimeUnit.SECONDS)
    log << "reply1 ${replies.poll(30, TimeUnit.SECONDS)}\n"

    // "recompile": a newer class output makes streamer:run load a new class loader and replace the handlers
    def manifest = new File(basedir, 'target/classes/META-INF/streamer/greeter-manifest.json').toPath()
    Files.setLastModifiedTime(manifest, FileTime.from(Instant.now().plusSeconds(2)))
    waitFor(30) { readReady().reloads == '1' }
    socket.sendText('{"id":"2","action":"greet","payload":{"name":"again"}}', true).get(10, TimeUnit.SECONDS)
    log << "reply2 ${replies.poll(30, TimeUnit.SECONDS)}\n"
    socket.sendClose(WebSocket.NORMAL_CLOSURE, 'done').get(10, TimeUnit.SECONDS)
  } catch (Throwable t) {
    log << "error ${t}\n"
  } finally {
    Files.writeString(clientLog, log.toString())
    Files.createFile(stop)
  }
}
return true
