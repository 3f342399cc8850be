package dev.streamer.samples.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.client.ProgressUpdate;
import dev.streamer.client.RequestListener;
import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.core.json.Json;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.samples.Announcement;
import dev.streamer.samples.SampleEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scripted client session of {@code SampleLocalMain --demo}: a sync {@code echo}, an async {@code
 * generate_report} with a live progress bar, a validation error, a {@code status} lookup, and an {@code announce}
 * that a second client of the same tenant receives as a typed server event. Each step checks what came back;
 * {@link #run()} returns 0 only when every step went as expected.
 */
final class DemoSession {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final URI endpoint;
  private final String token;
  private final String colleagueToken;
  private final PrintStream out;
  private final List<String> problems = new ArrayList<>();

  /** {@code colleagueToken}: another user of the same tenant, for the second client of the announcement step. */
  DemoSession(URI endpoint, String token, String colleagueToken, PrintStream out) {
    this.endpoint = endpoint;
    this.token = token;
    this.colleagueToken = colleagueToken;
    this.out = out;
  }

  int run() {
    try (StreamerClient client = StreamerClient.builder(endpoint).token(token).requestTimeout(TIMEOUT).build()) {
      client.connect().join();
      out.println("Connected with the development token (user dev-user, tenant dev-tenant).");
      echo(client);
      String requestId = report(client);
      validationError(client);
      if (requestId != null) {
        status(client, requestId);
      }
      announce(client);
    } catch (CompletionException | StreamerClientException e) {
      problems.add("unexpected failure: " + describe(e));
    }
    out.println();
    if (problems.isEmpty()) {
      out.println("Demo finished: every step answered as expected.");
      return 0;
    }
    out.println("Demo FAILED:");
    problems.forEach(p -> out.println(" - " + p));
    return 1;
  }

  private void echo(StreamerClient client) {
    out.println();
    out.println("1. echo (sync: answered on the socket at once)");
    String sent = "{\"message\":\"Hello, Streamer\"}";
    out.println("   -> " + sent);
    String result = client.request("echo", sent).join();
    out.println("   <- " + result);
    Map<String, String> fields = fields(result);
    expect("echo message", "Hello, Streamer", fields.get("message"));
    expect("echo user", "dev-user", fields.get("userId"));
    expect("echo tenant", "dev-tenant", fields.get("tenantId"));
  }

  private String report(StreamerClient client) {
    out.println();
    out.println("2. generate_report (async: acknowledged, queued in DynamoDB, run by the stream processor)");
    String sent = "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-12-31\",\"recordCount\":5000}";
    out.println("   -> " + sent);
    ProgressBar bar = new ProgressBar(out);
    AtomicReference<String> acked = new AtomicReference<>();
    List<Double> seen = new ArrayList<>();
    String result = client.request("generate_report", sent, new RequestListener() {
      @Override
      public void onAck(String requestId) {
        acked.set(requestId);
        out.println("   <- ack: queued as " + requestId);
      }

      @Override
      public void onProgress(ProgressUpdate update) {
        seen.add(update.progress());
        bar.show(update.progress(), update.message());
      }
    }, TIMEOUT).join();
    bar.finish();
    out.println("   <- " + result);
    if (acked.get() == null) {
      problems.add("generate_report was not acknowledged as queued");
    }
    if (seen.isEmpty()) {
      problems.add("generate_report reported no progress");
    }
    for (int i = 1; i < seen.size(); i++) {
      if (seen.get(i) < seen.get(i - 1)) {
        problems.add("progress went backwards: " + seen);
        break;
      }
    }
    if (!seen.isEmpty()) {
      expect("last progress", "1.0", seen.get(seen.size() - 1).toString());
    }
    expect("report id (the request id)", acked.get(), fields(result).get("reportId"));
    expect("report record count", "5000", fields(result).get("recordCount"));
    return acked.get();
  }

  private void validationError(StreamerClient client) {
    out.println();
    out.println("3. process_data with invalid items (a typed validation error, with the path of each fault)");
    String sent = "{\"datasetId\":\"\",\"batchId\":\"2b6f0cde-4c5b-4f83-9a57-8b0a5a9d2f11\","
        + "\"items\":[{\"sku\":\"A-1\",\"quantity\":0,\"unitPrice\":9.99}]}";
    out.println("   -> " + sent);
    try {
      String unexpected = client.request("process_data", sent).join();
      problems.add("process_data with invalid items succeeded: " + unexpected);
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof StreamerClientException error)) {
        throw e;
      }
      out.println("   <- " + error.code() + ": " + error.error().message());
      Object violations = error.error().details().get("violations");
      if (violations instanceof List<?> list) {
        list.forEach(v -> out.println("      " + v));
      }
      expect("validation error code", ErrorCode.VALIDATION_ERROR, error.code());
      String text = String.valueOf(violations);
      if (!text.contains("items[0].quantity") || !text.contains("datasetId")) {
        problems.add("violations should name datasetId and items[0].quantity: " + text);
      }
    }
  }

  private void status(StreamerClient client, String requestId) {
    out.println();
    out.println("4. status of the report (what a reconnecting client can always look up)");
    String sent = "{\"requestId\":\"" + requestId + "\"}";
    out.println("   -> " + sent);
    String result = client.request("status", sent).join();
    out.println("   <- " + result);
    Map<String, String> fields = fields(result);
    expect("status", "COMPLETED", fields.get("status"));
    expect("status progress", "1.0", fields.get("progress"));
  }

  private void announce(StreamerClient client) {
    out.println();
    out.println("5. announce (a typed server event to every connection of the tenant; a second client listens)");
    try (StreamerClient colleague = StreamerClient.builder(endpoint).token(colleagueToken).requestTimeout(TIMEOUT)
        .build()) {
      BlockingQueue<Announcement> heard = new LinkedBlockingQueue<>();
      colleague.onEvent(SampleEvents.ANNOUNCEMENT, heard::add);
      colleague.connect().join();
      out.println("   second client connected (user dev-colleague, tenant dev-tenant), listening for announcement");
      String sent = "{\"text\":\"Deploy at 17:00\"}";
      out.println("   -> " + sent);
      Announcement received = null;
      // the tenant index is eventually consistent: a connection made a moment ago may be missed once
      for (int attempt = 0; attempt < 20 && received == null; attempt++) {
        String result = client.request("announce", sent).join();
        if (attempt == 0) {
          out.println("   <- " + result);
        }
        received = heard.poll(500, TimeUnit.MILLISECONDS);
      }
      out.println("   second client <- event announcement: " + received);
      expect("announcement heard by the second client", new Announcement("Deploy at 17:00", "dev-user"), received);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted while waiting for the announcement");
    }
  }

  private void expect(String what, Object expected, Object actual) {
    if (expected == null ? actual != null : !expected.toString().equals(String.valueOf(actual))) {
      problems.add(what + ": expected " + expected + " but got " + actual);
    }
  }

  /** Top-level scalar fields of a JSON object, as text. */
  private static Map<String, String> fields(String json) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return fields;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value.isScalarValue()) {
          fields.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fields;
  }

  private static String describe(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return cause.toString();
  }
}
