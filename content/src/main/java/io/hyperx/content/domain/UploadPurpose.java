package io.hyperx.content.domain;

import java.util.Locale;

/**
 * What an upload is for, and how large it may be: avatar 5 MB, banner 10 MB, product file 2 GB. Avatars and banners
 * are images and public; product files are only reached through download tokens.
 */
public enum UploadPurpose {
    AVATAR(5L * 1024 * 1024),
    BANNER(10L * 1024 * 1024),
    PRODUCT(2L * 1024 * 1024 * 1024);

    private final long maxBytes;

    UploadPurpose(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Whether files of this purpose are served to anyone (avatars and banners). */
    public boolean isPublic() {
        return this != PRODUCT;
    }

    /** Avatars and banners must be images; a product file may be any allowed type. */
    public boolean accepts(String contentType) {
        return this == PRODUCT || contentType.startsWith("image/");
    }

    public static UploadPurpose of(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ContentProblem.unprocessable("invalid_purpose", "purpose is one of avatar, banner, product.");
        }
    }
}
