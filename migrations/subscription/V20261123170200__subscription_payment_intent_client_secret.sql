-- What a browser needs to finish a payment (3-D Secure): the processor's client secret of the payment intent,
-- handed only to the payer. Not an event field: it is a processor credential, kept in the context's own table.
ALTER TABLE subscription.provider_payment ADD COLUMN client_secret VARCHAR(255);
