package io.hyperx.app.content.bench;

import io.hyperx.app.HyperxApplication;
import io.hyperx.content.application.AccessDecisions;
import io.hyperx.content.domain.AccessPolicy.Outcome;
import io.hyperx.content.query.ContentReads.PostRow;
import io.hyperx.identity.api.AccountId;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Role;
import io.hyperx.testsupport.WithFreshPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Not a test (the name ends in neither Test nor IT, so {@code verify} skips it): measures the in-process access
 * decision (post lookup + policy + entitlement lookups on the embedded PostgreSQL) at a paced 1,000 decisions per
 * second and prints p50/p90/p99/max. Latency counts from each decision's scheduled start, so a stall delays the
 * following decisions and shows up (no coordinated omission). Run with:
 * <pre>
 * ./mvnw -B -pl app -am verify -Dit.test=AccessDecisionBenchmark -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 * The read models are seeded directly (200 creators with 4 tiers and 25 posts each, 20,000 memberships, 5,000
 * unlocks) because the benchmark measures reads, not the projection.
 */
@SpringBootTest(classes = HyperxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "hyperx.database.home=target/bench-home")
@WithFreshPostgres
class AccessDecisionBenchmark {

    private static final int CREATORS = 200;
    private static final int POSTS_PER_CREATOR = 25;
    private static final int FANS = 5_000;
    private static final int RATE_PER_SECOND = 1_000;
    private static final int WARMUP = 5_000;
    private static final int MEASURED = 20_000;
    private static final String[] TYPES = {"public", "members", "minTierRank", "tiers", "payPerView"};

    @Autowired
    AccessDecisions decisions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void decisionsAtAThousandPerSecond() {
        List<UUID> posts = new ArrayList<>();
        List<UUID> fans = new ArrayList<>();
        seed(posts, fans);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

        run(WARMUP, posts, fans, random, new EnumMap<>(Outcome.class), new long[WARMUP]);
        long[] service = new long[MEASURED];
        long[] latencies = run(MEASURED, posts, fans, random, outcomes, service);
        Arrays.sort(service);

        Arrays.sort(latencies);
        System.out.printf("%nACCESS DECISION BENCHMARK: %d decisions at %d/s (after %d warm-up)%n", MEASURED,
                RATE_PER_SECOND, WARMUP);
        System.out.printf("  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms%n",
                ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99), ms(latencies, 0.999),
                latencies[latencies.length - 1] / 1e6);
        System.out.printf("  service time alone (without waiting behind a slow predecessor): p50 %.3f ms  p99 %.3f ms%n",
                ms(service, 0.50), ms(service, 0.99));
        System.out.println("  outcomes " + outcomes);
        System.out.println();
    }

    private long[] run(int count, List<UUID> posts, List<UUID> fans, ThreadLocalRandom random,
                       Map<Outcome, Integer> outcomes, long[] service) {
        long[] latencies = new long[count];
        long interval = 1_000_000_000L / RATE_PER_SECOND;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long began = System.nanoTime();
            UUID post = posts.get(random.nextInt(posts.size()));
            AccountPrincipal viewer = random.nextInt(10) == 0 ? null : new AccountPrincipal(
                    new AccountId(fans.get(random.nextInt(fans.size()))), Role.FAN, Role.FAN.capabilities(), null);
            Outcome outcome = decisions.publishedPost(post)
                    .map((PostRow row) -> decisions.decide(row, viewer).outcome()).orElse(null);
            long ended = System.nanoTime();
            latencies[i] = ended - scheduled;
            service[i] = ended - began;
            if (outcome != null) {
                outcomes.merge(outcome, 1, Integer::sum);
            }
        }
        return latencies;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private void seed(List<UUID> posts, List<UUID> fans) {
        Timestamp now = Timestamp.from(Instant.now());
        List<UUID> creators = new ArrayList<>();
        List<List<UUID>> tiersOf = new ArrayList<>();
        List<Object[]> tierRows = new ArrayList<>();
        List<Object[]> postRows = new ArrayList<>();
        for (int c = 0; c < CREATORS; c++) {
            UUID creator = UUID.randomUUID();
            creators.add(creator);
            List<UUID> tiers = new ArrayList<>();
            for (int rank = 1; rank <= 4; rank++) {
                UUID tier = UUID.randomUUID();
                tiers.add(tier);
                tierRows.add(new Object[]{tier, creator, "Tier " + rank, rank, 500L * rank, "USD", true, false, now});
            }
            tiersOf.add(tiers);
            for (int p = 0; p < POSTS_PER_CREATOR; p++) {
                UUID post = UUID.randomUUID();
                posts.add(post);
                String type = TYPES[p % TYPES.length];
                String visibility = switch (type) {
                    case "minTierRank" -> "{\"type\":\"minTierRank\",\"minTierRank\":3}";
                    case "tiers" -> "{\"type\":\"tiers\",\"tierIds\":[\"" + tiers.get(1) + "\"]}";
                    case "payPerView" -> "{\"type\":\"payPerView\",\"price\":{\"amountMinor\":300,\"currency\":\"USD\"}}";
                    default -> "{\"type\":\"" + type + "\"}";
                };
                postRows.add(new Object[]{post, creator, "Post " + p, "Body of post " + p + " ".repeat(200),
                        visibility, now, now, now});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO content.tier (tier_id, creator_id, name, rank, price_minor, currency, published, archived,
                                          updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", tierRows);
        jdbc.batchUpdate("""
                INSERT INTO content.post (post_id, creator_id, title, body, visibility, status, published_at,
                                          created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?)""",
                postRows);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> unlocks = new ArrayList<>();
        String[] statuses = {"ACTIVE", "ACTIVE", "ACTIVE", "TRIALING", "GRACE_PERIOD", "EXPIRED", "CANCELLED"};
        for (int f = 0; f < FANS; f++) {
            UUID fan = UUID.randomUUID();
            fans.add(fan);
            for (int m = 0; m < 4; m++) {
                int c = random.nextInt(CREATORS);
                int rank = 1 + random.nextInt(4);
                memberships.add(new Object[]{UUID.randomUUID(), fan, creators.get(c), tiersOf.get(c).get(rank - 1),
                        rank, statuses[random.nextInt(statuses.length)], now});
            }
            unlocks.add(new Object[]{UUID.randomUUID(), fan, posts.get(random.nextInt(posts.size())),
                    creators.get(random.nextInt(CREATORS)), now});
        }
        jdbc.batchUpdate("""
                INSERT INTO content.membership (subscription_id, fan_id, creator_id, tier_id, tier_rank, status,
                                                updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", memberships);
        jdbc.batchUpdate("""
                INSERT INTO content.unlock (payment_id, account_id, kind, item_id, creator_id, price_minor, currency,
                                            unlocked_at) VALUES (?, ?, 'POST', ?, ?, 300, 'USD', ?)""", unlocks);
        jdbc.execute("ANALYZE content.post");
        jdbc.execute("ANALYZE content.membership");
        jdbc.execute("ANALYZE content.unlock");
    }
}
