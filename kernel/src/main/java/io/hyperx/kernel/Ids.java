package io.hyperx.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Helpers for deriving identifiers. */
public final class Ids {

    private Ids() {
    }

    /**
     * Derives a name-based UUID that is always the same for the same namespace and parts,
     * e.g. {@code deterministic("ledger-entry", paymentId.toString(), "platform-fee")}.
     */
    public static UUID deterministic(String namespace, String... parts) {
        StringBuilder name = new StringBuilder();
        appendLengthPrefixed(name, namespace);
        for (String part : parts) {
            appendLengthPrefixed(name, part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    // The length prefix keeps ("ab", "c") and ("a", "bc") apart.
    private static void appendLengthPrefixed(StringBuilder name, String value) {
        Objects.requireNonNull(value, "id name parts must not be null");
        name.append(value.length()).append(':').append(value);
    }
}
