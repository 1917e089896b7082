package io.hyperx.economy.api;

import io.hyperx.subscription.api.Pagination;

import java.util.List;

/** A page of payouts, newest first. */
public record PayoutPage(List<PayoutView> data, Pagination pagination) {
}
