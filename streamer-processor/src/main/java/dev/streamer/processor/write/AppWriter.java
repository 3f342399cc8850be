package dev.streamer.processor.write;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.read.ModelReader;
import java.io.IOException;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/**
 * Writes every generated file of the application. Each file is built and written on its own: a failure becomes a
 * diagnostic on the element it was generated from, and the other files are still written.
 */
public final class AppWriter {

  private final Filer filer;
  private final Reporter reporter;

  public AppWriter(Filer filer, Reporter reporter) {
    this.filer = filer;
    this.reporter = reporter;
  }

  public void write(AppModel app) {
    for (RecordModel record : app.records()) {
      emit(record.name().packageName(), record.element(), () -> JsonCodecWriter.record(record));
      if (record.validated()) {
        emit(record.name().packageName(), record.element(), () -> ValidatorWriter.write(app, record));
      }
    }
    for (EnumModel e : app.enums()) {
      emit(e.name().packageName(), e.element(), () -> JsonCodecWriter.enumeration(e));
    }
    for (ActionModel action : app.actions()) {
      emit(app.packageName(), action.element(), () -> RouteWriter.write(app, action));
    }
    Element appElement = app.handlers().isEmpty() ? null : app.handlers().get(0).element();
    emit(app.packageName(), appElement, () -> HandlersWriter.write(app));
    emit(app.packageName(), appElement, () -> RouteTableWriter.write(app));
    if (app.lambdaHandlers() && app.hasDefaultCreate()) {
      for (TypeSpec handler : LambdaHandlersWriter.write(app)) {
        emit(app.packageName(), appElement, () -> handler);
      }
    }
  }

  private void emit(String packageName, Element origin, Supplier<TypeSpec> build) {
    String what = origin == null ? "application" : origin.toString();
    TypeSpec type;
    try {
      type = build.get();
    } catch (RuntimeException bug) {
      reporter.report(Message.INTERNAL_ERROR, origin, what, ModelReader.describe(bug));
      return;
    }
    String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
    try {
      JavaFile.builder(packageName, type).skipJavaLangImports(true).build().writeTo(filer);
    } catch (IOException e) { // such as a FilerException: a type of that name exists already
      reporter.report(Message.CANNOT_WRITE, origin, name, e.getMessage());
    } catch (RuntimeException bug) {
      reporter.report(Message.INTERNAL_ERROR, origin, what, ModelReader.describe(bug));
    }
  }
}
