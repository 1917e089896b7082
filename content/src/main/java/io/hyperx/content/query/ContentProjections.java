package io.hyperx.content.query;

/**
 * The one processing group of content's read models (posts, products, entitlements): one processor, because each
 * holds up to (worker threads + 1) pooled connections, and because the access decision joins them. The name is
 * stored in token_entry; renaming it replays it.
 */
public final class ContentProjections {

    public static final String GROUP = "content-access";

    private ContentProjections() {
    }
}
