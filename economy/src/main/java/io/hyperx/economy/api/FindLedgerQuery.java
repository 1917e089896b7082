package io.hyperx.economy.api;

import java.util.UUID;

/** A creator's postings, newest first, with the running balance of each account; {@code page} counts from 0. */
public record FindLedgerQuery(UUID creatorId, int page, int size) {
}
