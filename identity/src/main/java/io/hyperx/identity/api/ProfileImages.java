package io.hyperx.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * The images a creator uploaded for their profile. Uploads live in content, which depends on identity and implements
 * this; identity only asks it, so it never depends on content.
 */
public interface ProfileImages {

    /** Where on the profile an image goes. */
    enum Slot { AVATAR, BANNER }

    /**
     * The public URL of {@code fileId} when it is an image {@code creatorId} uploaded for {@code slot}; empty when it
     * does not exist, is someone else's, is no image or was uploaded for another purpose.
     */
    Optional<String> publicUrl(UUID creatorId, UUID fileId, Slot slot);
}
