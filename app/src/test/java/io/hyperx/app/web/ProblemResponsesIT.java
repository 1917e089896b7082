package io.hyperx.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.app.FoundationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is RFC 9457 problem details with a stable code; never a stack trace or a whitelabel page. */
@FoundationTest
class ProblemResponsesIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void unknownRouteIs404Problem() throws JsonProcessingException {
        assertProblem(http.getForEntity("/no/such/route", String.class), HttpStatus.NOT_FOUND, "not_found");
    }

    @Test
    void malformedJsonIs400Problem() throws JsonProcessingException {
        assertProblem(post("{\"name\": ", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, "malformed_request");
    }

    @Test
    void invalidFieldIs400ProblemNamingTheField() throws JsonProcessingException {
        ResponseEntity<String> response = post("{\"name\": \"\"}", MediaType.APPLICATION_JSON);

        JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST, "validation_failed");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("name");
    }

    @Test
    void wrongMethodIs405Problem() throws JsonProcessingException {
        ResponseEntity<String> response = http.exchange("/health", HttpMethod.DELETE, null, String.class);

        assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed");
    }

    @Test
    void unsupportedMediaTypeIs415Problem() throws JsonProcessingException {
        assertProblem(post("name=x", MediaType.APPLICATION_FORM_URLENCODED), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type");
    }

    private ResponseEntity<String> post(String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.postForEntity("/test/echo", new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode assertProblem(ResponseEntity<String> response, HttpStatus status, String code)
            throws JsonProcessingException {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).doesNotContain("Exception", "\tat ", "Whitelabel");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status.value());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        return problem;
    }
}
