package io.hyperx.economy.query;

import io.hyperx.subscription.api.Pagination;

/** Bounded paging: page from 0, size 1..100 (20 when not given). */
record Paging(int page, int size) {

    static Paging of(int page, int size) {
        return new Paging(Math.max(page, 0), size <= 0 ? 20 : Math.min(size, 100));
    }

    int offset() {
        return page * size;
    }

    Pagination pagination(long total) {
        return new Pagination(page, size, total, (int) ((total + size - 1) / size));
    }
}
