-- Fans' saved payment methods (Stripe ids only, never card data) and the Idempotency-Key record of money-moving POSTs.

CREATE TABLE subscription.payment_method (
    id                UUID         PRIMARY KEY,
    account_id        UUID         NOT NULL,
    stripe_payment_method_id VARCHAR(255) NOT NULL,
    is_default        BOOLEAN      NOT NULL DEFAULT false,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT payment_method_once_per_account UNIQUE (account_id, stripe_payment_method_id)
);
CREATE UNIQUE INDEX payment_method_one_default ON subscription.payment_method (account_id) WHERE is_default;

CREATE TABLE subscription.idempotency_key (
    account_id      UUID         NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    resource_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, idempotency_key)
);
