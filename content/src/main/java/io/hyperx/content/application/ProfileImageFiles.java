package io.hyperx.content.application;

import io.hyperx.content.domain.UploadPurpose;
import io.hyperx.identity.api.ProfileImages;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Identity's {@link ProfileImages} port: a profile image is the creator's own public upload of that purpose. */
@Component
class ProfileImageFiles implements ProfileImages {

    private final Uploads uploads;

    ProfileImageFiles(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public Optional<String> publicUrl(UUID creatorId, UUID fileId, Slot slot) {
        UploadPurpose purpose = slot == Slot.AVATAR ? UploadPurpose.AVATAR : UploadPurpose.BANNER;
        return uploads.file(fileId)
                .filter(file -> file.ownerId().equals(creatorId) && file.purpose() == purpose)
                .flatMap(Uploads.StoredFile::publicUrl);
    }
}
