package io.hyperx.economy.api;

import java.util.UUID;

/** Tips sent by {@code fanId} or received by {@code creatorId} (exactly one is given), newest first. */
public record FindTipsQuery(UUID fanId, UUID creatorId, int page, int size) {
}
