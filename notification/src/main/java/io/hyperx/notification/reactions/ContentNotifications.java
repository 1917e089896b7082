package io.hyperx.notification.reactions;

import io.hyperx.content.api.PostPublished;
import io.hyperx.notification.outbox.NotificationCategories;
import io.hyperx.notification.outbox.NotificationConfiguration;
import io.hyperx.notification.query.SupporterProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

import static io.hyperx.notification.outbox.Channel.EMAIL;
import static io.hyperx.notification.outbox.Channel.IN_APP;

/**
 * A new post, to every fan supporting its creator now ({@link SupporterProjection}). Keyed by the post, not the
 * event: a post unpublished and published again is announced once.
 */
@Component
@ProcessingGroup(NotificationConfiguration.PROCESSING_GROUP)
@DisallowReplay
class ContentNotifications {

    private final Notifier notifier;
    private final SupporterProjection supporters;

    ContentNotifications(Notifier notifier, SupporterProjection supporters) {
        this.notifier = notifier;
        this.supporters = supporters;
    }

    @EventHandler
    void on(PostPublished event) {
        String postId = event.postId().value().toString();
        Map<String, Object> data = Map.of("postId", postId, "creatorId", event.creatorId().toString(),
                "postUrl", notifier.url("/posts/" + postId));
        for (UUID fan : supporters.supportersOf(event.creatorId())) {
            notifier.send("post-published:" + postId, fan, NotificationCategories.POSTS, "new_post", data,
                    EMAIL, IN_APP);
        }
    }
}
