package io.hyperx.subscription.api;

/** Which page of how many; {@code page} counts from 0. */
public record Pagination(int page, int size, long totalElements, int totalPages) {
}
