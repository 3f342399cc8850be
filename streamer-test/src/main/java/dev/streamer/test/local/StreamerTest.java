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
 * found from the generated route table named here ({@code QuotesRouteTable.class} → {@code QuotesConnectHandler},
 * {@code QuotesDefaultHandler}, … in its package). Test methods (and {@code @BeforeAll} methods) may declare a
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
 * <p>One stack serves every test class of the application in the JVM: generated handlers read their configuration
 * once per JVM (in their static initializers), so the stack starts with the first class and stops when the test run
 * ends. Use distinct users or request data per test rather than expecting empty tables.
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
   * stack's. Every test class of one application in a JVM must give the same ones.
   */
  String[] environment() default {};
}
