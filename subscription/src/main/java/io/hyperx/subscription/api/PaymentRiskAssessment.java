package io.hyperx.subscription.api;

/** The fraud rules' verdict on a payment about to start: {@code blocked} with a problem {@code code} and reason. */
public record PaymentRiskAssessment(boolean blocked, String code, String reason) {

    public static PaymentRiskAssessment allowed() {
        return new PaymentRiskAssessment(false, null, null);
    }
}
