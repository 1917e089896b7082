package io.hyperx.subscription.web;

import io.hyperx.subscription.api.Pagination;

import java.util.List;
import java.util.Map;

/** The list shape every context answers: {@code {"data": [...], "meta": {"pagination": {...}}}}. */
final class Lists {

    private Lists() {
    }

    static Map<String, Object> page(List<?> data, Pagination pagination) {
        return Map.of("data", data, "meta", Map.of("pagination", pagination));
    }

    static Map<String, Object> all(List<?> data) {
        return Map.of("data", data, "meta", Map.of("pagination",
                new Pagination(0, data.size(), data.size(), data.isEmpty() ? 0 : 1)));
    }
}
