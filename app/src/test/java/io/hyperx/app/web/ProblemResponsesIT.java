package io.hyperx.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.app.FoundationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is RFC 9457 problem details with a stable code; never a stack trace or a whitelabel page. */
@FoundationTest
class ProblemResponsesIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

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

    /** Paths Tomcat refuses before Spring sees them, sent as they are (an HTTP client would normalise them). */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/creators/posts/..%2F..%2Fetc%2Fpasswd", "/api/v1/creators/posts/<script>",
            "/api/v1/posts/%00", "/api/v1/posts/%5C..%5Cx"})
    void pathsRefusedByTheContainerAre400Problems(String path) throws IOException {
        String response = rawGet(path);

        assertThat(response).startsWith("HTTP/1.1 400");
        String[] headAndBody = response.split("\r\n\r\n", 2);
        assertThat(headAndBody[0].toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json")
                .doesNotContain("server:");
        assertThat(headAndBody[1]).doesNotContainIgnoringCase("tomcat").doesNotContain("<");
        JsonNode problem = json.readTree(headAndBody[1]);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("code").asText()).isEqualTo("bad_request");
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
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
