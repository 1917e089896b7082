package io.hyperx.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.hyperx.kernel.Money;

import java.io.IOException;
import java.util.Currency;
import java.util.Locale;

/**
 * Money as a client may send it: {@code {"amountMinor": 500, "currency": "USD"}}, a whole number of minor units from
 * 0 to {@link #MAX_AMOUNT_MINOR} and an ISO 4217 code (any case). Request bodies only: amounts the platform itself
 * records (refunds, ledger entries) may be negative and are read by Jackson's own record support.
 */
final class RequestMoneyDeserializer extends StdDeserializer<Money> {

    /** Stripe's ceiling for one charge in two-decimal currencies (999,999.99); no single amount in a request is above. */
    static final long MAX_AMOUNT_MINOR = 99_999_999L;

    RequestMoneyDeserializer() {
        super(Money.class);
    }

    @Override
    public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (Money) context.handleUnexpectedToken(Money.class, parser);
        }
        JsonNode money = parser.readValueAsTree();
        return new Money(amountMinor(parser, money.get("amountMinor")), currency(parser, money.get("currency")));
    }

    private static long amountMinor(JsonParser parser, JsonNode amount) throws InvalidRequestValue {
        if (amount == null || amount.isNull()) {
            throw InvalidRequestValue.of(parser, Money.class, "amountMinor", "is required", null);
        }
        if (!amount.isIntegralNumber()) {
            throw InvalidRequestValue.of(parser, Money.class, "amountMinor",
                    "must be a whole number of minor units (500 is 5.00 USD)", amount.asText());
        }
        if (!amount.canConvertToLong() || amount.longValue() < 0 || amount.longValue() > MAX_AMOUNT_MINOR) {
            throw InvalidRequestValue.of(parser, Money.class, "amountMinor",
                    "must be between 0 and " + MAX_AMOUNT_MINOR, amount.asText());
        }
        return amount.longValue();
    }

    private static Currency currency(JsonParser parser, JsonNode currency) throws InvalidRequestValue {
        if (currency == null || currency.isNull()) {
            throw InvalidRequestValue.of(parser, Money.class, "currency", "is required", null);
        }
        String code = currency.isTextual() ? currency.asText().trim().toUpperCase(Locale.ROOT) : "";
        if (code.length() == 3) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                // answered below
            }
        }
        throw InvalidRequestValue.of(parser, Money.class, "currency",
                "must be an ISO 4217 currency code such as USD", currency.toString());
    }
}
