package io.hyperx.subscription.query;

import io.hyperx.subscription.api.Pagination;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Bounded paging: page from 0, size 1..100 (20 when not given). */
final class Pages {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;

    private Pages() {
    }

    static PageRequest request(int page, int size, Sort sort) {
        int bounded = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return PageRequest.of(Math.max(page, 0), bounded, sort);
    }

    static Pagination pagination(Page<?> page) {
        return new Pagination(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
