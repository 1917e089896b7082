package io.hyperx.content.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperx.content.api.Visibility;

/** A visibility policy as stored in {@code content.post.visibility} (the API's JSON shape). */
public final class VisibilityJson {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private VisibilityJson() {
    }

    static String write(Visibility visibility) {
        try {
            return JSON.writeValueAsString(visibility);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Visibility read(String json) {
        try {
            return JSON.readValue(json, Visibility.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable visibility " + json, e);
        }
    }
}
