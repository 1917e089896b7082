package io.hyperx.notification.email;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a notification from {@code classpath:templates/notification/<template>.subject|txt|html.mustache}: the
 * subject and text part unescaped, the HTML part HTML-escaped and wrapped in {@code _layout.html.mustache}. A
 * missing value renders empty.
 */
@Component
public class MailTemplates {

    private static final String FOLDER = "templates/notification/";

    private final Mustache.Compiler text = Mustache.compiler().escapeHTML(false).defaultValue("");
    // jmustache's own HTML escaper also escapes '=', which mangles links in plain sight of anyone reading the source
    private final Mustache.Compiler html = Mustache.compiler().defaultValue("").withEscaper(Escapers.simple(
            new String[][]{{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}}));
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    public record Rendered(String subject, String text, String html) {
    }

    public boolean exists(String template) {
        return new ClassPathResource(FOLDER + template + ".subject.mustache").exists();
    }

    /** The subject and text part only (the in-app feed shows these). */
    public Rendered renderText(String template, Map<String, Object> model) {
        return new Rendered(render(text, template + ".subject", model).strip(), render(text, template + ".txt", model)
                .strip(), null);
    }

    public Rendered render(String template, Map<String, Object> model) {
        Rendered plain = renderText(template, model);
        Map<String, Object> layout = new java.util.HashMap<>(model);
        layout.put("subject", plain.subject());
        layout.put("content", render(html, template + ".html", model));
        return new Rendered(plain.subject(), plain.text(), render(html, "_layout.html", layout));
    }

    private String render(Mustache.Compiler compiler, String name, Map<String, Object> model) {
        String key = (compiler == text ? "t:" : "h:") + name;
        return cache.computeIfAbsent(key, k -> compile(compiler, name)).execute(model);
    }

    private static Template compile(Mustache.Compiler compiler, String name) {
        ClassPathResource resource = new ClassPathResource(FOLDER + name + ".mustache");
        if (!resource.exists()) {
            throw new IllegalArgumentException("no notification template " + name);
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
