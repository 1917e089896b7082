-- A profile's avatar and banner may be an uploaded image (content's files, checked through identity's
-- ProfileImages port when saved); avatar_url / banner_url then hold that image's public URL.
ALTER TABLE identity.creator_profile ADD COLUMN avatar_file_id uuid;
ALTER TABLE identity.creator_profile ADD COLUMN banner_file_id uuid;
