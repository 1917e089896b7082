package io.hyperx.content.web;

import io.hyperx.subscription.api.Pagination;

import java.util.List;
import java.util.Map;

/** The list shape every context answers: {@code {"data": [...], "meta": {"pagination": {...}}}}. */
final class Lists {

    static final int MAX_PAGE_SIZE = 100;

    private Lists() {
    }

    static Map<String, Object> page(List<?> data, int page, int size, long total) {
        int pages = size == 0 ? 0 : (int) ((total + size - 1) / size);
        return Map.of("data", data, "meta", Map.of("pagination", new Pagination(page, size, total, pages)));
    }

    static Map<String, Object> all(List<?> data) {
        return page(data, 0, data.size(), data.size());
    }

    static int size(int size) {
        return Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    }

    static int page(int page) {
        return Math.max(0, page);
    }
}
