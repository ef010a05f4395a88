package io.quotah.auth.accounts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person gives to open an account. The realm's password policy has the last word on passwords. */
public record Registration(
        @NotBlank(message = "is required") @Email(message = "must be an email address")
        @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "is required") @Size(min = 12, message = "must be at least 12 characters")
        @Size(max = 128, message = "must be at most 128 characters") String password,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String displayName) {

    @AssertTrue(message = "must not be your email address")
    boolean isPasswordNotTheEmail() {
        return password == null || email == null || !password.trim().equalsIgnoreCase(email.trim());
    }
}
