package io.hyperx.content.web;

import io.hyperx.content.api.CreatePostCommand;
import io.hyperx.content.api.DeletePostCommand;
import io.hyperx.content.api.EditPostCommand;
import io.hyperx.content.api.PostId;
import io.hyperx.content.api.PublishPostCommand;
import io.hyperx.content.api.UnpublishPostCommand;
import io.hyperx.content.api.Visibility;
import io.hyperx.content.domain.ContentProblem;
import io.hyperx.content.domain.VisibilityRules;
import io.hyperx.content.query.ContentProjections;
import io.hyperx.content.query.ContentReads;
import io.hyperx.content.query.ContentReads.PostRow;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.platform.consistency.ReadsProjections;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A creator's own posts: draft, edit, publish now or later, unpublish, delete. */
@ReadsProjections(ContentProjections.GROUP)
@RestController
class CreatorPostController {

    private final Commands commands;
    private final ContentReads reads;

    CreatorPostController(Commands commands, ContentReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    /**
     * A post as a creator writes it; {@code teaser} (optional plain text) is all readers without access see;
     * {@code publish} publishes now, {@code publishAt} schedules.
     */
    record PostRequest(String title, String body, String teaser, Visibility visibility, Boolean publish,
                       Instant publishAt) {
    }

    record PublishRequest(Instant publishAt) {
    }

    @PostMapping("/api/v1/creators/posts")
    @RequiresCapability(Capability.CONTENT_PUBLISH)
    ResponseEntity<PostViews.OwnPost> create(@AuthenticationPrincipal AccountPrincipal principal,
                                             @RequestBody PostRequest request) {
        UUID creator = principal.accountId().value();
        PostId id = PostId.random();
        Visibility visibility = VisibilityRules.validate(request.visibility());
        commands.send(new CreatePostCommand(id, creator, request.title(), request.body(), visibility,
                request.teaser()), "post_not_found");
        String status = "DRAFT";
        Instant publishAt = null;
        if (Boolean.TRUE.equals(request.publish()) || request.publishAt() != null) {
            commands.send(new PublishPostCommand(id, creator, request.publishAt()), "post_not_found");
            boolean later = request.publishAt() != null && request.publishAt().isAfter(Instant.now());
            status = later ? "SCHEDULED" : "PUBLISHED";
            publishAt = later ? request.publishAt() : null;
        }
        Instant now = Instant.now();
        return ResponseEntity.created(URI.create("/api/v1/creators/posts/" + id))
                .body(new PostViews.OwnPost(id.value(), creator, request.title().strip(), request.body(),
                        blankToNull(request.teaser()), visibility, status, publishAt,
                        "PUBLISHED".equals(status) ? now : null, now, now));
    }

    @GetMapping("/api/v1/creators/posts")
    @RequiresCapability(Capability.CONTENT_PUBLISH)
    Map<String, Object> list(@AuthenticationPrincipal AccountPrincipal principal,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        ContentReads.Page<PostRow> rows = reads.postsOf(principal.accountId().value(), false, Lists.page(page),
                Lists.size(size));
        return Lists.page(rows.rows().stream().map(PostViews.OwnPost::of).toList(), Lists.page(page),
                Lists.size(size), rows.total());
    }

    @GetMapping("/api/v1/creators/posts/{id}")
    @RequiresCapability(Capability.CONTENT_PUBLISH)
    PostViews.OwnPost one(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        return PostViews.OwnPost.of(own(principal, id));
    }

    @PutMapping("/api/v1/creators/posts/{id}")
    @RequiresCapability(Capability.CONTENT_PUBLISH)
    ResponseEntity<Void> edit(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
                              @RequestBody PostRequest request) {
        commands.send(new EditPostCommand(new PostId(id), principal.accountId().value(), request.title(),
                request.body(), request.visibility(), request.teaser()), "post_not_found");
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/creators/posts/{id}/publish")
    @RequiresCapability(Capability.CONTENT_PUBLISH)
    ResponseEntity<Void> publish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
                                 @RequestBody(required = false) PublishRequest request) {
        commands.send(new PublishPostCommand(new PostId(id), principal.accountId().value(),
                request == null ? null : request.publishAt()), "post_not_found");
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/creators/posts/{id}/unpublish")
    @RequiresCapability(Capability.CONTENT_PUBLISH)
    ResponseEntity<Void> unpublish(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        commands.send(new UnpublishPostCommand(new PostId(id), principal.accountId().value()), "post_not_found");
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping("/api/v1/creators/posts/{id}")
    @RequiresCapability(Capability.CONTENT_PUBLISH)
    ResponseEntity<Void> delete(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        commands.send(new DeletePostCommand(new PostId(id), principal.accountId().value()), "post_not_found");
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String teaser) {
        return teaser == null || teaser.isBlank() ? null : teaser.strip();
    }

    private PostRow own(AccountPrincipal principal, UUID id) {
        return reads.post(id).filter(post -> post.creatorId().equals(principal.accountId().value()))
                .orElseThrow(() -> ContentProblem.notFound("post_not_found", "No such post."));
    }
}
