package archfixture.bad.economy.api;

public record PayoutId(String value) {
}
