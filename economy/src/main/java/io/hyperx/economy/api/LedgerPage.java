package io.hyperx.economy.api;

import io.hyperx.subscription.api.Pagination;

import java.util.List;

/** A page of ledger lines. */
public record LedgerPage(List<LedgerLine> data, Pagination pagination) {
}
