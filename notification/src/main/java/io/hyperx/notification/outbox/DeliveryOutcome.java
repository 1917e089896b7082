package io.hyperx.notification.outbox;

/**
 * What one send attempt came to: delivered, worth retrying later, or never deliverable. {@code statusCode} is the
 * remote answer when there is one (HTTP status, SMTP reply code).
 */
public record DeliveryOutcome(Kind kind, Integer statusCode, String detail) {

    public enum Kind {
        DELIVERED, RETRY, PERMANENT_FAILURE
    }

    public static DeliveryOutcome delivered(String detail) {
        return new DeliveryOutcome(Kind.DELIVERED, null, detail);
    }

    public static DeliveryOutcome retry(Integer statusCode, String detail) {
        return new DeliveryOutcome(Kind.RETRY, statusCode, detail);
    }

    public static DeliveryOutcome permanentFailure(Integer statusCode, String detail) {
        return new DeliveryOutcome(Kind.PERMANENT_FAILURE, statusCode, detail);
    }
}
