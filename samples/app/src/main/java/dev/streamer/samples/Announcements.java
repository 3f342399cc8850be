package dev.streamer.samples;

import dev.streamer.annotations.Action;
import dev.streamer.core.Delivery;
import dev.streamer.core.Notifier;
import dev.streamer.core.RequestContext;

/**
 * Server events: actions push a typed {@link Announcement} through their {@link Notifier}, which never leaves the
 * caller's tenant.
 */
public final class Announcements {

  @Action(description = "Sends an announcement to every connection of the caller's tenant; returns how many got it.")
  public AnnounceResult announce(AnnounceRequest request, RequestContext context, Notifier notifier) {
    return result(notifier.toTenant(new Announcement(request.text(), context.userId())));
  }

  /** Queued (its estimate is over the threshold), so the notifier also works from the stream processor. */
  @Action(estimated = "10s", description = "Sends the text to every connection of a user of the caller's tenant.")
  public AnnounceResult directMessage(DirectMessage message, RequestContext context, Notifier notifier) {
    return result(notifier.toUser(message.userId(), new Announcement(message.text(), context.userId())));
  }

  private static AnnounceResult result(Delivery delivery) {
    return new AnnounceResult(delivery.delivered(), delivery.gone(), delivery.failed());
  }
}
