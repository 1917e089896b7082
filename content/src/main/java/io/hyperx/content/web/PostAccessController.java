package io.hyperx.content.web;

import io.hyperx.content.api.Visibility;
import io.hyperx.content.application.AccessDecisions;
import io.hyperx.content.application.AccessDecisions.Decision;
import io.hyperx.content.application.MarkdownRenderer;
import io.hyperx.content.application.PaymentNonces;
import io.hyperx.content.application.Purchases;
import io.hyperx.content.domain.AccessPolicy.Outcome;
import io.hyperx.content.domain.ContentProblem;
import io.hyperx.content.query.ContentProjections;
import io.hyperx.content.query.ContentReads;
import io.hyperx.content.query.ContentReads.PostRow;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.kernel.Money;
import io.hyperx.platform.consistency.ReadsProjections;
import io.hyperx.subscription.api.PaymentId;
import io.hyperx.subscription.api.PaymentPurpose;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading posts. {@code GET /posts/{id}} always shows a published post (whole or as a teaser);
 * {@code GET /posts/{id}/content} answers the access decision strictly (200, 401, 403 with unlocking tiers, 402
 * with what to pay); {@code POST /posts/{id}/payments} starts a pay-per-view payment, and the content request
 * repeated with {@code X-Payment: <paymentId>} of that succeeded payment answers 200.
 */
@ReadsProjections(ContentProjections.GROUP)
@RestController
class PostAccessController {

    static final String X_PAYMENT = "X-Payment";

    private final AccessDecisions decisions;
    private final ContentReads reads;
    private final PostViews views;
    private final MarkdownRenderer markdown;
    private final PaymentNonces nonces;
    private final Purchases purchases;
    private final ContentCreatorPages creators;

    PostAccessController(AccessDecisions decisions, ContentReads reads, PostViews views, MarkdownRenderer markdown,
                         PaymentNonces nonces, Purchases purchases, ContentCreatorPages creators) {
        this.creators = creators;
        this.decisions = decisions;
        this.reads = reads;
        this.views = views;
        this.markdown = markdown;
        this.nonces = nonces;
        this.purchases = purchases;
    }

    /** A post's content when the decision allows it. */
    record PostContent(UUID id, String title, String html, Instant publishedAt) {
    }

    record PayRequest(String paymentMethodId, String nonce) {
    }

    /** A started pay-per-view payment and how to read the post once it succeeded. */
    record PaymentStarted(UUID paymentId, UUID postId, Money amount, String status, Map<String, Object> then) {
    }

    @GetMapping("/api/v1/posts/{id}")
    @PublicEndpoint
    PostViews.ReaderPost post(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        return views.forReader(published(id), principal);
    }

    @GetMapping("/api/v1/posts/{id}/content")
    @PublicEndpoint
    ResponseEntity<Object> content(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
                                   @RequestHeader(name = X_PAYMENT, required = false) String payment) {
        PostRow post = published(id);
        Decision decision = decisions.decide(post, principal);
        Outcome outcome = decision.outcome();
        if (outcome == Outcome.PAYMENT_REQUIRED && payment != null && decisions.paidFor(post, principal, payment)) {
            outcome = Outcome.ALLOWED;
        }
        return switch (outcome) {
            case ALLOWED -> ResponseEntity.ok(new PostContent(post.id(), post.title(), markdown.toSafeHtml(post.body()),
                    post.publishedAt()));
            case UNAUTHENTICATED -> problem(HttpStatus.UNAUTHORIZED, "authentication_required",
                    "Sign in (or use an API key) to read this post.", Map.of());
            case CAPABILITY_MISSING -> problem(HttpStatus.FORBIDDEN, "capability_missing",
                    "This credential lacks content:view.", Map.of());
            case INSUFFICIENT_TIER -> problem(HttpStatus.FORBIDDEN, "tier_required",
                    "Your membership does not include this post.", locked(post));
            case PAYMENT_REQUIRED -> paymentRequired(post, payment != null);
            case UNDECIDABLE -> problem(HttpStatus.SERVICE_UNAVAILABLE, "access_undecidable",
                    "Access cannot be decided right now; try again later.", Map.of());
        };
    }

    @PostMapping("/api/v1/posts/{id}/payments")
    @RequiresCapability(Capability.PURCHASES_CREATE)
    ResponseEntity<PaymentStarted> pay(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                       @RequestBody PayRequest request) {
        PostRow post = published(id);
        Visibility visibility = post.visibility();
        if (!Visibility.PAY_PER_VIEW.equals(visibility.type())) {
            throw ContentProblem.unprocessable("not_pay_per_view", "This post is not sold per view.");
        }
        if (post.creatorId().equals(principal.accountId().value())) {
            throw ContentProblem.unprocessable("own_post", "Creators do not pay for their own posts.");
        }
        if (request.nonce() != null && !nonces.valid(id, request.nonce())) {
            throw ContentProblem.unprocessable("invalid_nonce", "The nonce is unknown, for another post or expired.");
        }
        if (request.paymentMethodId() == null || request.paymentMethodId().isBlank()) {
            throw ContentProblem.unprocessable("payment_method_required", "paymentMethodId is required.");
        }
        PaymentId paymentId = purchases.start(PaymentPurpose.PAY_PER_VIEW, id, principal.accountId().value(),
                post.creatorId(), visibility.price(), request.paymentMethodId(), key);
        Map<String, Object> then = new LinkedHashMap<>();
        then.put("method", "GET");
        then.put("url", contentPath(id));
        then.put("headers", Map.of(X_PAYMENT, paymentId.toString()));
        return ResponseEntity.created(URI.create(contentPath(id)))
                .body(new PaymentStarted(paymentId.value(), id, visibility.price(), "processing", then));
    }

    @GetMapping("/api/v1/public/creators/{creator}/posts")
    @PublicEndpoint
    Map<String, Object> creatorPosts(@AuthenticationPrincipal AccountPrincipal principal,
                                     @PathVariable String creator,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        ContentReads.Page<PostRow> rows = reads.postsOf(creators.idOf(creator), true, Lists.page(page),
                Lists.size(size));
        return Lists.page(rows.rows().stream().map(post -> views.forReader(post, principal)).toList(),
                Lists.page(page), Lists.size(size), rows.total());
    }

    @GetMapping("/api/v1/fans/feed")
    @RequiresCapability(Capability.CONTENT_VIEW)
    Map<String, Object> feed(@AuthenticationPrincipal AccountPrincipal principal,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        ContentReads.Page<PostRow> rows = reads.feed(principal.accountId().value(), Lists.page(page),
                Lists.size(size));
        return Lists.page(rows.rows().stream().map(post -> views.forReader(post, principal)).toList(),
                Lists.page(page), Lists.size(size), rows.total());
    }

    private ResponseEntity<Object> paymentRequired(PostRow post, boolean paymentRejected) {
        Money price = post.visibility().price();
        PaymentNonces.Nonce nonce = nonces.issue(post.id());
        Map<String, Object> properties = locked(post);
        properties.put("price", price);
        properties.put("amountMinor", price.amountMinor());
        properties.put("currency", price.currency().getCurrencyCode());
        Map<String, Object> pay = new LinkedHashMap<>();
        pay.put("method", "POST");
        pay.put("url", "/api/v1/posts/" + post.id() + "/payments");
        pay.put("body", Map.of("paymentMethodId", "<stripe payment method id>", "nonce", nonce.value()));
        pay.put("auth", List.of("Authorization: Bearer <access token>", "X-API-Key: <api key>"));
        pay.put("capability", Capability.PURCHASES_CREATE);
        properties.put("payment", pay);
        properties.put("retry", Map.of("method", "GET", "url", contentPath(post.id()), "header", X_PAYMENT));
        properties.put("nonce", nonce.value());
        properties.put("expiresAt", nonce.expiresAt());
        return problem(HttpStatus.PAYMENT_REQUIRED, paymentRejected ? "payment_not_accepted" : "payment_required",
                paymentRejected ? "The X-Payment payment is not a succeeded payment of yours for this post."
                        : "This post is sold per view.", properties);
    }

    /** What a refusal shows of a post: the creator's teaser (when there is one) and what unlocks it. */
    private Map<String, Object> locked(PostRow post) {
        PostViews.ReaderPost teaser = views.teaser(post);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (teaser.teaser() != null) {
            properties.put("teaser", teaser.teaser());
        }
        properties.put("unlockingTiers", teaser.unlockingTiers());
        return properties;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail,
                                                  Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private PostRow published(UUID id) {
        return decisions.publishedPost(id).orElseThrow(() -> ContentProblem.notFound("post_not_found",
                "No such post."));
    }

    private static String contentPath(UUID id) {
        return "/api/v1/posts/" + id + "/content";
    }
}
