package io.hyperx.identity.web;

import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.identity.api.RequiresCapability;
import io.hyperx.identity.application.CreatorProfileService;
import io.hyperx.identity.application.CreatorProfileService.Profile;
import io.hyperx.identity.application.CreatorProfileService.SlugCheck;
import io.hyperx.identity.application.CreatorProfileService.SocialLink;
import io.hyperx.kernel.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A creator's own profile, slug validation, and the public profile page data. */
@RestController
class CreatorProfileController {

    private final CreatorProfileService profiles;

    CreatorProfileController(CreatorProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/creators/profile")
    @RequiresCapability(Capability.PROFILE_WRITE)
    ProfileResponse own(@AuthenticationPrincipal AccountPrincipal principal) {
        return ProfileResponse.of(profiles.own(principal.accountId()));
    }

    @PutMapping("/api/v1/creators/profile")
    @RequiresCapability(Capability.PROFILE_WRITE)
    ProfileResponse save(@AuthenticationPrincipal AccountPrincipal principal,
                         @Valid @RequestBody ProfileRequest request) {
        return ProfileResponse.of(profiles.save(principal.accountId(), new CreatorProfileService.Changes(
                request.slug(), request.displayName(), request.bio(), request.avatarUrl(), request.bannerUrl(),
                request.avatarFileId(), request.bannerFileId(), request.links(),
                Boolean.TRUE.equals(request.published()))));
    }

    @PostMapping("/api/v1/creators/slug/validate")
    @RequiresCapability(Capability.PROFILE_WRITE)
    SlugCheck validate(@AuthenticationPrincipal AccountPrincipal principal,
                       @Valid @RequestBody SlugRequest request) {
        return profiles.check(principal.accountId(), request.slug());
    }

    @GetMapping("/api/v1/public/creators/{slug}")
    @PublicEndpoint
    PublicProfileResponse published(@PathVariable String slug) {
        return profiles.published(slug).map(PublicProfileResponse::of)
                .orElseThrow(() -> DomainException.notFound("creator_not_found", "No published creator '"
                        + slug + "'."));
    }

    /**
     * Avatar and banner: an https URL ({@code avatarUrl}) or an image uploaded with {@code purpose=avatar|banner}
     * ({@code avatarFileId}, which wins over the URL when both are given).
     */
    record ProfileRequest(@Size(max = 200) String slug,
                          @NotBlank @Size(max = 100) String displayName,
                          @Size(max = CreatorProfileService.MAX_BIO) String bio,
                          @Size(max = 2048) String avatarUrl,
                          @Size(max = 2048) String bannerUrl,
                          UUID avatarFileId,
                          UUID bannerFileId,
                          @Size(max = CreatorProfileService.MAX_SOCIAL_LINKS) List<@Valid @NotNull SocialLinkRequest> socialLinks,
                          Boolean published) {

        List<SocialLink> links() {
            return socialLinks == null ? List.of()
                    : socialLinks.stream().map(link -> new SocialLink(link.label(), link.url())).toList();
        }
    }

    record SocialLinkRequest(@Size(max = 50) String label, @NotBlank @Size(max = 2048) String url) {
    }

    record SlugRequest(@NotNull @Size(max = 200) String slug) {
    }

    record ProfileResponse(UUID accountId, String slug, String displayName, String bio, String avatarUrl,
                           String bannerUrl, UUID avatarFileId, UUID bannerFileId, List<SocialLink> socialLinks,
                           boolean published, Instant updatedAt) {
        static ProfileResponse of(Profile p) {
            return new ProfileResponse(p.accountId().value(), p.slug(), p.displayName(), p.bio(), p.avatarUrl(),
                    p.bannerUrl(), p.avatarFileId(), p.bannerFileId(), p.socialLinks(), p.published(),
                    p.updatedAt());
        }
    }

    record PublicProfileResponse(UUID creatorId, String slug, String displayName, String bio, String avatarUrl,
                                 String bannerUrl, List<SocialLink> socialLinks) {
        static PublicProfileResponse of(Profile p) {
            return new PublicProfileResponse(p.accountId().value(), p.slug(), p.displayName(), p.bio(),
                    p.avatarUrl(), p.bannerUrl(), p.socialLinks());
        }
    }
}
