package dev.streamer.test.local;

import dev.streamer.core.routing.RouteTable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the application's generated Lambda handlers on the local stack. The handlers are
 * those the processor's application manifest lists for the generated route table named here
 * ({@code QuotesRouteTable.class} → {@code QuotesConnectHandler}, {@code QuotesDefaultHandler}, …). Test methods (and {@code @BeforeAll} methods) may declare a
 * {@link dev.streamer.client.StreamerClient} parameter (connected as {@link TestStack#USER} of
 * {@link TestStack#TENANT}, closed after the test) and a {@link TestStack} parameter.
 *
 * <pre>{@code
 * @StreamerTest(QuotesRouteTable.class)
 * class QuotesEndToEndTest {
 *   @Test
 *   void quotes(StreamerClient client, TestStack stack) { … }
 * }
 * }</pre>
 *
 * <p>Starting a stack takes seconds, so one stack serves every test class of the same application and
 * {@link #environment()} in the JVM: it starts with the first such class and stops when the test run ends. Use
 * distinct users or request data per test rather than expecting empty tables. Classes with other settings get a stack
 * of their own (each stack has its own runtime, tables, secret and clock), which runs beside it until the end too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StreamerExtension.class)
public @interface StreamerTest {

  /** The application's generated route table, {@code <App>RouteTable}. */
  Class<? extends RouteTable> value();

  /**
   * More variables for the handlers, as {@code NAME=value} (for example {@code "MAX_RETRIES=1"}); they win over the
   * stack's. Test classes that give the same ones share a stack.
   */
  String[] environment() default {};
}
