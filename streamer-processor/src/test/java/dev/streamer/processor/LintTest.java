package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's build with {@code -Xlint:all -Werror}: every Streamer annotation is claimed (no "No processor claimed any
 * of these annotations") and the generated code has no lint warning.
 */
class LintTest {

  @Test
  void shopCompilesWithEveryLintWarningAsAnError() {
    Compilation c = javac().withProcessors(new StreamerProcessor())
        .withOptions(List.of("-Xlint:all", "-Werror", "--release", "17", "-Astreamer.app=Shop"))
        .compile(Compilations.inputs("shop"));
    assertThat(c).succeededWithoutWarnings();
  }
}
