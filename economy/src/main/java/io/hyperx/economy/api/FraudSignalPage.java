package io.hyperx.economy.api;

import io.hyperx.subscription.api.Pagination;

import java.util.List;

/** A page of fraud signals. */
public record FraudSignalPage(List<FraudSignalRaised> data, Pagination pagination) {
}
