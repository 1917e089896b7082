package io.hyperx.app.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.hyperx.kernel.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.MockHttpInputMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a request body that does not bind says: the field's JSON path, what it must be, the value sent. */
class RequestBodyProblemsTest {

    enum Interval { MONTHLY, ANNUAL }

    record Line(Interval interval, UUID tierId) {
    }

    record Body(String name, Money price, Interval interval, UUID id, Instant at, Integer rank, Boolean published,
                List<Line> lines) {
    }

    /** The application's settings (application.yml spring.jackson) plus the request-only money deserializer. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToEnable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS,
                    DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .modulesToInstall(new SimpleModule().addDeserializer(Money.class, new RequestMoneyDeserializer()))
            .build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"interval\": \"WEEKLY\"}                          | interval             | must be one of MONTHLY, ANNUAL",
            "{\"interval\": 0}                                   | interval             | must be one of MONTHLY, ANNUAL",
            "{\"id\": \"not-a-uuid\"}                            | id                   | must be a UUID",
            "{\"at\": \"yesterday\"}                             | at                   | must be an ISO-8601 instant such as 2026-12-31T12:00:00Z",
            "{\"rank\": \"high\"}                                | rank                 | must be an integer",
            "{\"rank\": 1.5}                                     | rank                 | must be an integer",
            "{\"rank\": 99999999999999}                          | rank                 | is out of range",
            "{\"published\": \"maybe\"}                          | published            | must be true or false",
            "{\"name\": {\"a\": 1}}                              | name                 | must be a string",
            "{\"lines\": \"x\"}                                  | lines                | must be an array",
            "{\"lines\": [{\"interval\": \"DAILY\"}]}            | lines[0].interval    | must be one of MONTHLY, ANNUAL",
            "{\"lines\": [{}, {\"tierId\": 7}]}                  | lines[1].tierId      | must be a UUID",
            "{\"price\": \"5 dollars\"}                          | price                | must be money: {\"amountMinor\": 500, \"currency\": \"USD\"}",
            "{\"price\": {\"amountMinor\": -1, \"currency\": \"USD\"}}     | price.amountMinor | must be between 0 and 99999999",
            "{\"price\": {\"amountMinor\": 100000000, \"currency\": \"USD\"}} | price.amountMinor | must be between 0 and 99999999",
            "{\"price\": {\"amountMinor\": 1e30, \"currency\": \"USD\"}}   | price.amountMinor | must be a whole number of minor units (500 is 5.00 USD)",
            "{\"price\": {\"amountMinor\": 1.5, \"currency\": \"USD\"}}    | price.amountMinor | must be a whole number of minor units (500 is 5.00 USD)",
            "{\"price\": {\"amountMinor\": 99999999999999999999999, \"currency\": \"USD\"}} | price.amountMinor | must be between 0 and 99999999",
            "{\"price\": {\"amountMinor\": 500, \"currency\": \"DOLLARS\"}} | price.currency   | must be an ISO 4217 currency code such as USD",
            "{\"price\": {\"amountMinor\": 500}}                  | price.currency       | is required",
    })
    void namesTheFieldAndWhatItMustBe(String body, String field, String message) {
        ProblemDetail problem = describe(body);

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "validation_failed");
        assertThat(problem.getDetail()).isEqualTo(field + ": " + message + ".");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.getProperties().get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("field", field).containsEntry("message", message);
        });
    }

    @Test
    void anUnknownEnumValueIsEchoedWithTheAllowedValues() {
        @SuppressWarnings("unchecked")
        Map<String, Object> error = ((List<Map<String, Object>>) describe("{\"interval\": \"weekly\"}")
                .getProperties().get("errors")).get(0);

        assertThat(error).containsEntry("rejectedValue", "weekly")
                .containsEntry("allowedValues", List.of("MONTHLY", "ANNUAL"));
    }

    @Test
    void enumValuesAndCurrenciesAreReadInAnyCase() throws Exception {
        Body body = json.readValue("{\"interval\": \"monthly\", \"price\": {\"amountMinor\": 500, \"currency\": \"usd\"}}",
                Body.class);

        assertThat(body.interval()).isEqualTo(Interval.MONTHLY);
        assertThat(body.price()).isEqualTo(Money.of(500, "USD"));
    }

    @Test
    void aBodyThatIsNotJsonStaysMalformed() {
        ProblemDetail problem = describe("{\"name\": ");

        assertThat(problem.getProperties()).containsEntry("code", "malformed_request");
        assertThat(problem.getDetail()).isEqualTo("The request body is not readable JSON.");
    }

    @Test
    void aBodyOfTheWrongShapeSaysSo() {
        ProblemDetail problem = describe("[1, 2]");

        assertThat(problem.getProperties()).containsEntry("code", "validation_failed");
        assertThat(problem.getDetail()).isEqualTo("The request body must be an object.");
    }

    private ProblemDetail describe(String body) {
        Throwable thrown = catchThrowable(() -> json.readValue(body, Body.class));
        assertThat(thrown).as("reading %s", body).isNotNull();
        HttpMessageNotReadableException ex = new HttpMessageNotReadableException("JSON parse error", thrown,
                new MockHttpInputMessage(new byte[0]));
        return RequestBodyProblems.describe(ex, HttpStatus.BAD_REQUEST);
    }
}
