package dev.streamer.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated typings under {@code tsc --strict} (tsc from npm, installed into {@code target/typescript} by the
 * build): {@code request()} of a generated client takes only the application's actions, each with exactly its
 * payload type; {@code requestUntyped()} is the explicit escape hatch. Checks the shop's golden typings, which
 * {@link GoldenFilesTest} keeps equal to what the processor generates.
 */
class TypeScriptTypingsTest {

  private static final Path TSC = Path.of("target", "typescript", "node_modules", "typescript", "bin", "tsc");
  private static final Path WORK = Path.of("target", "typescript-test");

  private static final List<String> WRONG = List.of(
      "client.request('place_order', { foo: 1 });",
      "client.request('generate_report', { from: '2024-01-01' });",
      "client.request('no_such_action', {});",
      "client.request('place_order', { customer: 'a', items: [{ sku: 's', quantity: '1' }] });",
      "const n: Promise<string> = client.request('count_orders', undefined);");

  private static String output;

  /** One tsc run over every file (tsc starts slowly): a file that must pass and one per mistake. */
  @BeforeAll
  static void typeCheck() throws Exception {
    assertTrue(Files.isRegularFile(TSC), TSC + " is missing: the build installs it (npm install typescript)");
    Files.createDirectories(WORK);
    Files.copy(Compilations.resourceDir("golden/shop/META-INF/streamer/js").resolve("shop-client.d.ts"),
        WORK.resolve("shop-client.d.ts"), StandardCopyOption.REPLACE_EXISTING);
    List<String> command = new ArrayList<>(List.of("node", TSC.toString(), "--strict", "--noEmit", "--target",
        "es2022", "--module", "es2022", "--moduleResolution", "bundler"));
    command.add(write("good.ts", """
        import { ShopClient, OrderReceipt, RequestStatus } from './shop-client';
        declare const client: ShopClient;
        const receipt: Promise<OrderReceipt> =
            client.request('place_order', { customer: 'a', items: [{ sku: 's', quantity: 1 }] });
        const count: Promise<number> = client.request('count_orders', undefined);
        const status: Promise<RequestStatus> = client.request('status', { requestId: 'r-1' });
        const anything: Promise<unknown> = client.requestUntyped('added_later', { foo: 1 });
        const typed: Promise<OrderReceipt> = client.placeOrder({ customer: 'a', items: [] });
        """));
    for (int i = 0; i < WRONG.size(); i++) {
      command.add(write("bad" + i + ".ts", "import { ShopClient } from './shop-client';\n"
          + "declare const client: ShopClient;\n" + WRONG.get(i) + "\n"));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "tsc did not finish");
  }

  private static String write(String name, String code) throws IOException {
    Path file = WORK.resolve(name);
    Files.writeString(file, code, StandardCharsets.UTF_8);
    return file.toString();
  }

  @Test
  void knownActionsTakeExactlyTheirPayloadType() {
    assertFalse(output.contains("good.ts("), output);
    assertFalse(output.contains("shop-client.d.ts("), output);
  }

  @Test
  void aWrongPayloadOrAnUnknownActionDoesNotCompile() {
    for (int i = 0; i < WRONG.size(); i++) {
      assertTrue(output.contains("bad" + i + ".ts(3,"), WRONG.get(i) + " compiled: " + output);
    }
  }
}
