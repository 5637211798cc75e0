package org.library.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A new API token: its name (what it is for, to recognise it in the list), its scopes
 * ({@link org.library.platform.access.Roles#SCOPES}), and when it expires ({@code null}: never).
 */
public record TokenData(
        @NotBlank @Size(max = ApiToken.NAME_LENGTH) String name,
        @NotEmpty List<String> scopes,
        Instant expiresAt) {
}
