package io.hyperx.app.content;

import io.hyperx.app.HyperxApplication;
import io.hyperx.content.api.CreatePostCommand;
import io.hyperx.content.api.PostId;
import io.hyperx.content.api.PublishPostCommand;
import io.hyperx.content.api.Visibility;
import io.hyperx.content.application.PublicationSweeper;
import io.hyperx.testsupport.TestPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.hyperx.testsupport.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A post scheduled before a restart is published after it: the due list is a table, not a timer. */
class ContentRestartIT {

    @TempDir
    Path home;

    @Test
    void aPostScheduledBeforeARestartIsPublishedAfterIt() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        PostId post = PostId.random();
        UUID creator = UUID.randomUUID();

        try (ConfigurableApplicationContext first = start(database)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new CreatePostCommand(post, creator, "Later", "soon", Visibility.everyone(), null));
            commands.sendAndWait(new PublishPostCommand(post, creator, Instant.now().plusSeconds(3600)));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await("scheduled", () -> status(jdbc, post), rows -> rows.equals(List.of("SCHEDULED")));
        }

        try (ConfigurableApplicationContext second = start(database)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            PublicationSweeper sweeper = second.getBean(PublicationSweeper.class);
            assertThat(sweeper.runDue(Instant.now())).isZero();

            assertThat(sweeper.runDue(Instant.now().plusSeconds(3601))).isEqualTo(1);

            await("published", () -> status(jdbc, post), rows -> rows.equals(List.of("PUBLISHED")));
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM domain_event_entry
                    WHERE aggregate_identifier = ? AND payload_type LIKE '%.PostPublished'""",
                    Long.class, post.toString())).isEqualTo(1);
        }
    }

    private static List<String> status(JdbcTemplate jdbc, PostId post) {
        return jdbc.queryForList("SELECT status FROM content.post WHERE post_id = ?", String.class, post.value());
    }

    private ConfigurableApplicationContext start(TestPostgres.Database database) {
        return new SpringApplicationBuilder(HyperxApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--hyperx.database.home=" + home,
                        // the background sweeper stays out of the way: the test sweeps by hand
                        "--hyperx.content.publish-sweep-interval=1h");
    }
}
