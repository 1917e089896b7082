package io.hyperx.content.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The upload allow-list, decided by content (magic bytes), never by name or declared type: png, jpeg, gif, webp,
 * pdf, mp4, mp3, wav and zip. Anything else (an executable renamed to {@code .png}) is not allowed.
 */
public final class FileTypes {

    /** How many leading bytes {@link #detect(byte[], int)} looks at. */
    public static final int HEADER_BYTES = 16;

    private FileTypes() {
    }

    public static Optional<String> detect(byte[] header, int length) {
        byte[] h = Arrays.copyOf(header, Math.max(length, 0));
        if (startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(h, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WAVE")) {
            return Optional.of("audio/wav");
        }
        if (ascii(h, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        if (ascii(h, 4, "ftyp")) {
            return Optional.of("video/mp4");
        }
        if (ascii(h, 0, "ID3") || (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE6) == 0xE2)) {
            return Optional.of("audio/mpeg"); // an ID3 tag, or an MPEG-1/2 layer III frame header
        }
        if (startsWith(h, 0, 'P', 'K', 0x03, 0x04) || startsWith(h, 0, 'P', 'K', 0x05, 0x06)) {
            return Optional.of("application/zip");
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] h, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        if (h.length < offset + expected.length) {
            return false;
        }
        return Arrays.equals(h, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean startsWith(byte[] h, int offset, int... expected) {
        if (h.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((h[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
