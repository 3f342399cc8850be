package dev.streamer.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

  @ParameterizedTest
  @CsvSource({
      "generateReport, generate_report",
      "getHTTPStatus, get_http_status",
      "echo, echo",
      "report2Go, report2_go",
      "parseXML, parse_xml",
      "URLFor, url_for",
      "already_snake, already_snake",
  })
  void methodNamesToActionNames(String method, String action) {
    assertEquals(action, Naming.snake(method));
  }

  @Test
  void generatedTypeNames() {
    assertEquals("GenerateReport", Naming.pascal("generate_report"));
    assertEquals("V2Export", Naming.pascal("v2_export"));
    assertEquals(ClassName.get("a.b", "GenerateReportRoute"), Naming.route("a.b", "generate_report"));
    ClassName inner = ClassName.get("a", "Outer", "Inner");
    assertEquals(ClassName.get("a", "Outer_InnerJson"), Naming.codec(inner));
    assertEquals(ClassName.get("a", "Outer_InnerValidator"), Naming.validator(inner));
    assertEquals("outerInner", Naming.lowerCamel(inner));
    assertEquals("newHandler", Naming.lowerCamel(ClassName.get("a", "New")));
    assertEquals("generateReport", Naming.camel("generate_report"));
    assertEquals("doRoute", Naming.camel("do"));
  }
}
