package dev.streamer.runtime.aws;

import dev.streamer.runtime.aws.internal.connections.MessageSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MessageSender} that records what each connection received, for unit tests of the processor. */
public final class RecordingReplies implements MessageSender {
  private final Map<String, List<String>> sent = new ConcurrentHashMap<>();

  @Override
  public boolean send(String connectionId, String message) {
    sent.computeIfAbsent(connectionId, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(message);
    return true;
  }

  public List<String> to(String connectionId) {
    List<String> messages = sent.get(connectionId);
    return messages == null ? List.of() : List.copyOf(messages);
  }
}
