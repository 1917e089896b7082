package io.hyperx.economy.api;

import io.hyperx.subscription.api.Pagination;

import java.util.List;

/** A page of tips. */
public record TipPage(List<TipView> data, Pagination pagination) {
}
