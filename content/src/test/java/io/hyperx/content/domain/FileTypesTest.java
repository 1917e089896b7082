package io.hyperx.content.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypesTest {

    private static Optional<String> detect(byte[] bytes) {
        return FileTypes.detect(bytes, bytes.length);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void recognisesEveryAllowedTypeByItsMagicBytes() {
        assertThat(detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0))).contains("image/png");
        assertThat(detect(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains("image/jpeg");
        assertThat(detect(ascii("GIF89a..."))).contains("image/gif");
        assertThat(detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains("image/webp");
        assertThat(detect(ascii("RIFF\0\0\0\0WAVEfmt "))).contains("audio/wav");
        assertThat(detect(ascii("%PDF-1.7\n"))).contains("application/pdf");
        assertThat(detect(ascii("\0\0\0\u0018ftypmp42"))).contains("video/mp4");
        assertThat(detect(ascii("ID3\u0004\0\0"))).contains("audio/mpeg");
        assertThat(detect(bytes(0xFF, 0xFB, 0x90, 0x64))).contains("audio/mpeg");
        assertThat(detect(bytes('P', 'K', 3, 4, 20, 0))).contains("application/zip");
    }

    @Test
    void refusesExecutablesScriptsAndTooShortHeadersWhateverTheirName() {
        assertThat(detect(ascii("MZ\u0090\0\u0003\0\0\0"))).isEmpty(); // Windows PE
        assertThat(detect(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1))).isEmpty(); // ELF
        assertThat(detect(ascii("#!/bin/sh\nrm -rf /"))).isEmpty();
        assertThat(detect(ascii("<svg onload=alert(1)>"))).isEmpty();
        assertThat(detect(bytes(0x89, 'P', 'N'))).isEmpty();
        assertThat(detect(new byte[0])).isEmpty();
    }
}
