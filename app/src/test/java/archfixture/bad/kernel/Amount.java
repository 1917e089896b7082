package archfixture.bad.kernel;

import org.springframework.util.StringUtils;

/** Violates (e): the kernel depending on Spring. */
public record Amount(String value) {

    public boolean present() {
        return StringUtils.hasText(value);
    }
}
