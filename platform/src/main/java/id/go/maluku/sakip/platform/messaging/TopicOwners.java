package id.go.maluku.sakip.platform.messaging;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may publish on a topic. {@code sakip.<name>.events} is the topic of one service, whose
 * outbox writes the CloudEvents source {@code /sakip/<name>-service} (OutboxWriter). The broker's
 * ACLs let only that service's principal write there (docs/security.md); this is the consumers'
 * own check behind them, for a record that got onto the topic anyway (a leaked credential, an ACL
 * set too wide, a tool run with the admin's rights): an event whose source is not the topic's
 * owner is unprocessable, so it is parked and dead-lettered with both sources named, never applied.
 * A topic outside the convention has no known owner, and nothing read from it is applied.
 */
public final class TopicOwners {

    private static final Pattern EVENTS_TOPIC = Pattern.compile("sakip\\.([a-z][a-z0-9-]*)\\.events");

    private TopicOwners() {
    }

    /** The source of the one service that publishes on the topic: sakip.planning.events: /sakip/planning-service. */
    public static Optional<String> ownerOf(String topic) {
        Matcher events = topic == null ? null : EVENTS_TOPIC.matcher(topic);
        return events != null && events.matches() ? Optional.of("/sakip/" + events.group(1) + "-service") : Optional.empty();
    }

    /** Throws {@link UnprocessableEvent}, naming the expected and the actual source, unless source owns topic. */
    public static void requireOwner(String topic, String source) {
        String owner = ownerOf(topic).orElseThrow(() -> new UnprocessableEvent(
                "topic " + topic + " has no known owner; an event from it (source " + quoted(source) + ") is not applied"));
        if (!owner.equals(source)) {
            throw new UnprocessableEvent("source " + quoted(source) + " does not own topic " + topic
                    + ": only " + owner + " publishes there");
        }
    }

    private static String quoted(String source) {
        return source == null ? "(none)" : "'" + source + "'";
    }
}
