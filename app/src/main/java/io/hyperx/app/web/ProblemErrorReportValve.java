package io.hyperx.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's error report for requests it refuses before the application sees them (an encoded slash or a raw
 * {@code <} in the path, a malformed request line): the same problem details as every other refusal, instead of
 * Tomcat's HTML page with its name and version. Errors the application answered itself are left as they are.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String detail = known == null || known.is5xxServerError() ? "An unexpected error occurred."
                : known.getReasonPhrase();
        String body = "{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\""
                + Problems.codeFor(HttpStatusCode.valueOf(status)) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was already written: nothing left to report
        }
    }
}
