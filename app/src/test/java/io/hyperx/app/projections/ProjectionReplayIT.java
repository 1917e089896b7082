package io.hyperx.app.projections;

import io.hyperx.app.FoundationTest;
import io.hyperx.kernel.Money;
import io.hyperxtest.probe.ProbeMessages.DepositToProbe;
import io.hyperxtest.probe.ProbeMessages.OpenProbe;
import io.hyperxtest.probe.ProbeProjection;
import io.hyperxtest.probe.ProbeReactions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FoundationTest
@Timeout(120)
class ProjectionReplayIT {

    @Value("${hyperx.processing.initial-segments}")
    int initialSegments;

    @Autowired
    CommandGateway commands;

    @Autowired
    ProjectionReplay replay;

    @Autowired
    ProjectionStatus status;

    @Autowired
    ProbeProjection probe;

    @Autowired
    ProbeReactions reactions;

    @Autowired
    ProbeReactions.Count reactionCount;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Autowired
    MeterRegistry meters;

    @Test
    void replayResetsTheProjectionAndRebuildsItUpToTheHead() throws InterruptedException {
        String account = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(account));
        for (int i = 1; i <= 5; i++) {
            commands.sendAndWait(new DepositToProbe(account, Money.of(i, "USD")));
        }
        int deposits = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ProbeDeposited'", Integer.class);
        int resetsBefore = probe.resets();
        int deliveriesBefore = probe.deliveries();
        List<ProjectionReplay.Progress> reports = new ArrayList<>();

        ProjectionReplay.Progress done = replay.replay(ProbeProjection.GROUP, reports::add);

        assertThat(probe.resets()).isEqualTo(resetsBefore + 1);
        assertThat(probe.depositsSeen()).isEqualTo(deposits);
        assertThat(probe.deliveries()).isGreaterThanOrEqualTo(deliveriesBefore + deposits);
        assertThat(done.position()).isEqualTo(status.head());
        assertThat(reports).last().isEqualTo(done);
        assertThat(status.storedPosition(ProbeProjection.GROUP)).as("what other processes see")
                .isEqualTo(status.head());
    }

    /** One group alone is replayed on the shared replay's threads too, however few segments it has. */
    @Test
    void aGroupReplayedAloneReadsTheStoreOnTheSharedReplayThreads() throws InterruptedException {
        String account = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(account));
        commands.sendAndWait(new DepositToProbe(account, Money.of(1, "USD")));
        String deposit = depositIds(account).get(0);
        for (int attempt = 0; attempt < 200 && reactions.reactionsTo(deposit) == 0; attempt++) {
            Thread.sleep(50);
        }
        int deposits = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ProbeDeposited'", Integer.class);

        replay.replay(ProbeReactions.GROUP, progress -> { });

        assertThat(reactionCount.depositsProjected()).isEqualTo(deposits);
        assertThat(reactionCount.projectingThreads()).isNotEmpty()
                .allSatisfy(thread -> assertThat(thread).startsWith("shared-replay"));
        assertThat(reactions.reactionsTo(deposit)).as("a reaction does not run again").isOne();
    }

    /**
     * Two groups replayed together read the store once, on the shared replay's threads, though one has two segments
     * and the other one. The reaction group had stopped before the last deposit: its {@code @DisallowReplay} reaction
     * runs for that deposit, which it had not handled, and for no deposit it had. Afterwards the groups' processors go
     * on from the tokens handed over.
     */
    @Test
    void groupsReplayedTogetherReadTheStoreOnceAndReactOnlyToWhatTheyHadNotHandled() throws InterruptedException {
        String account = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(account));
        commands.sendAndWait(new DepositToProbe(account, Money.of(1, "USD")));
        commands.sendAndWait(new DepositToProbe(account, Money.of(2, "USD")));
        List<String> handled = depositIds(account);
        for (int attempt = 0; attempt < 200 && !handled.stream().allMatch(id -> reactions.reactionsTo(id) == 1);
             attempt++) {
            Thread.sleep(50);
        }
        assertThat(handled).allSatisfy(id -> assertThat(reactions.reactionsTo(id)).isOne());
        eventProcessing.eventProcessor(ProbeReactions.GROUP, StreamingEventProcessor.class).orElseThrow().shutDown();
        commands.sendAndWait(new DepositToProbe(account, Money.of(3, "USD")));
        String missed = depositIds(account).get(2);
        assertThat(reactions.reactionsTo(missed)).isZero();
        int deposits = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ProbeDeposited'", Integer.class);

        assertThat(status.segmentCount(ProbeProjection.GROUP)).isOne();
        assertThat(status.segmentCount(ProbeReactions.GROUP)).as("application.properties").isEqualTo(2);

        Map<String, ProjectionReplay.Progress> done =
                replay.replayAll(List.of(ProbeProjection.GROUP, ProbeReactions.GROUP), progress -> { });

        assertThat(done).containsOnlyKeys(ProbeProjection.GROUP, ProbeReactions.GROUP);
        assertThat(probe.depositsSeen()).isEqualTo(deposits);
        assertThat(reactionCount.depositsProjected()).isEqualTo(deposits);
        assertThat(reactionCount.projectingThreads()).allSatisfy(thread -> assertThat(thread).startsWith("shared-replay"));
        assertThat(handled).allSatisfy(id -> assertThat(reactions.reactionsTo(id)).as("reactions again").isOne());
        assertThat(reactions.reactionsTo(missed)).as("the reaction it had missed").isOne();
        assertThat(status.groups()).filteredOn(group -> done.containsKey(group.name()))
                .allSatisfy(group -> assertThat(group.lag()).isZero());
        // what `./hyperx projections` shows once the replay command has exited: the stored tokens, at the head
        List<StreamingEventProcessor> processors = done.keySet().stream().map(group -> eventProcessing
                .eventProcessor(group, StreamingEventProcessor.class).orElseThrow()).toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        assertThat(status.groups()).filteredOn(group -> done.containsKey(group.name())).hasSize(2)
                .allSatisfy(group -> {
                    assertThat(group.lag()).isZero();
                    assertThat(group.state()).isNotEqualTo("replaying");
                });
        processors.forEach(StreamingEventProcessor::start);

        // the groups' own processors carry on from the merged tokens: the next deposit once, nothing again
        commands.sendAndWait(new DepositToProbe(account, Money.of(4, "USD")));
        String next = depositIds(account).get(3);
        for (int attempt = 0; attempt < 200 && (reactions.reactionsTo(next) == 0
                || reactionCount.depositsProjected() <= deposits || probe.depositsSeen() <= deposits); attempt++) {
            Thread.sleep(50);
        }
        assertThat(reactions.reactionsTo(next)).isOne();
        assertThat(reactionCount.depositsProjected()).isEqualTo(deposits + 1);
        assertThat(probe.depositsSeen()).isEqualTo(deposits + 1);
        assertThat(handled).allSatisfy(id -> assertThat(reactions.reactionsTo(id)).isOne());
        assertThat(reactions.reactionsTo(missed)).isOne();
    }

    private List<String> depositIds(String account) {
        return jdbc.queryForList("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%ProbeDeposited' ORDER BY sequence_number", String.class, account);
    }

    @Test
    void processorMetricsCountLiveEventsButNotReplayedOnes() throws InterruptedException {
        // events the group has no handler for reach the monitor without the replay mark; deposits are handled
        String account = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(account));
        commands.sendAndWait(new DepositToProbe(account, Money.of(1, "USD")));
        replay.replay(ProbeProjection.GROUP, progress -> { });
        double afterReplay = probeMessagesCounted();

        commands.sendAndWait(new DepositToProbe(account, Money.of(2, "USD")));
        for (int attempt = 0; attempt < 100 && probeMessagesCounted() == afterReplay; attempt++) {
            Thread.sleep(50);
        }
        assertThat(probeMessagesCounted()).as("a live event is counted").isGreaterThan(afterReplay);

        double beforeSecondReplay = probeMessagesCounted();
        replay.replay(ProbeProjection.GROUP, progress -> { });
        assertThat(probeMessagesCounted()).as("replayed events are not").isEqualTo(beforeSecondReplay);
    }

    /** Axon's ingested-message counter of the probe's processor, for the deposits it handles. */
    private double probeMessagesCounted() {
        return meters.find("eventProcessor.ingestedCounter").tag("processorName", ProbeProjection.GROUP)
                .tag("payloadType", "ProbeDeposited").counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void statusShowsTheGroupCaughtUpWithItsSegments() throws InterruptedException {
        replay.replay(ProbeProjection.GROUP, progress -> { });

        ProjectionStatus.Group group = status.groups().stream()
                .filter(candidate -> candidate.name().equals(ProbeProjection.GROUP))
                .findFirst().orElseThrow();

        assertThat(group.segments()).isEqualTo(initialSegments);
        assertThat(group.lag()).isZero();
        assertThat(group.deadLetters()).isZero();
        assertThat(group.state()).startsWith("claimed by");
    }

    @Test
    void aGroupWhoseSegmentAnotherNodeHoldsIsRefusedWithThatReason() {
        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(ProbeProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            int held = jdbc.update("UPDATE token_entry SET owner = 'other-node', timestamp = ? "
                    + "WHERE processor_name = ? AND segment = 0", Instant.now().toString(), ProbeProjection.GROUP);
            assertThat(held).isEqualTo(1);

            assertThatThrownBy(() -> replay.replay(ProbeProjection.GROUP, progress -> { }))
                    .hasMessageContaining("cannot reset " + ProbeProjection.GROUP + ": its segments are claimed "
                            + "elsewhere");
        } finally {
            jdbc.update("UPDATE token_entry SET owner = NULL WHERE processor_name = ? AND owner = 'other-node'",
                    ProbeProjection.GROUP);
            processor.start();
        }
    }

    @Test
    void unknownGroupIsRefused() {
        assertThat(replay.exists("no-such-group")).isFalse();
        assertThatThrownBy(() -> replay.replay("no-such-group", progress -> { }))
                .hasMessageContaining("no processing group named no-such-group");
    }
}
