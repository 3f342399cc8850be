package dev.streamer.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamer.runtime.aws.builtins.CancelRoute;
import dev.streamer.runtime.aws.builtins.RequestRef;
import dev.streamer.runtime.aws.builtins.StatusRoute;
import dev.streamer.runtime.aws.builtins.SubscribeRoute;
import dev.streamer.runtime.aws.connections.ConnectionManager;
import dev.streamer.runtime.aws.requests.CancelResult;
import dev.streamer.runtime.aws.requests.RequestStatus;
import dev.streamer.runtime.protocol.ErrorCode;
import dev.streamer.runtime.protocol.Requests;
import dev.streamer.runtime.routing.RouterConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor cannot depend on the runtime, so {@link WireProtocol} keeps copies of runtime enums and limits that
 * the AsyncAPI document and the JavaScript client describe. They must agree with the runtime.
 */
class WireProtocolCopiesTest {

  @Test
  void errorCodesAgreeWithTheRuntime() {
    assertEquals(names(ErrorCode.values()), WireProtocol.ERROR_CODES);
    assertEquals(Arrays.stream(ErrorCode.values()).filter(ErrorCode::retryable).map(Enum::name).toList(),
        WireProtocol.RETRYABLE_ERROR_CODES);
  }

  @Test
  void requestStatusesAndCancelOutcomesAgreeWithTheRuntime() {
    assertEquals(names(RequestStatus.values()), WireProtocol.REQUEST_STATUSES);
    // NOT_FOUND never reaches the client as an outcome: the cancel route answers it with a NOT_FOUND error
    assertEquals(names(CancelResult.Outcome.values()).stream().filter(n -> !n.equals("NOT_FOUND")).toList(),
        WireProtocol.CANCEL_OUTCOMES);
  }

  @Test
  void builtinsAndLimitsAgreeWithTheRuntime() {
    assertEquals(List.of(StatusRoute.ACTION, SubscribeRoute.ACTION, CancelRoute.ACTION),
        WireProtocol.BUILTINS.stream().map(WireProtocol.Builtin::name).toList());
    assertEquals(RequestRef.MAX_LENGTH, WireProtocol.MAX_REQUEST_ID_LENGTH);
    assertEquals(Requests.MAX_ID_LENGTH, WireProtocol.MAX_CLIENT_ID_LENGTH);
    assertEquals(RouterConfig.DEFAULT_MAX_MESSAGE_BYTES, WireProtocol.MAX_MESSAGE_BYTES);
    assertEquals(ConnectionManager.MAX_MESSAGE_BYTES, WireProtocol.MAX_MESSAGE_BYTES);
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
