package dev.streamer.deploy.sam;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.tables.TableDefinition;
import java.util.Locale;

/** Logical ids of the template's resources: stable, because stacks are updated by them. */
public final class LogicalIds {

  public static final String WEBSOCKET_API = "WebSocketApi";
  public static final String STAGE = "WebSocketStage";
  public static final String FAILURE_QUEUE = "StreamFailureQueue";
  public static final String STREAM_MAPPING = "RequestsStreamMapping";
  public static final String SWEEPER_SCHEDULE = "SweeperSchedule";

  private LogicalIds() {}

  /** A function is named exactly as its generated handler class: {@code SampleDefaultHandler}. */
  public static String function(DeployedApp app, HandlerKind handler) {
    return app.handlerSimpleName(handler);
  }

  public static String role(DeployedApp app, HandlerKind handler) {
    return function(app, handler) + "Role";
  }

  public static String logGroup(DeployedApp app, HandlerKind handler) {
    return function(app, handler) + "LogGroup";
  }

  /** {@code requests} → {@code RequestsTable}. */
  public static String table(TableDefinition table) {
    String name = table.logicalName();
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + "Table";
  }
}
