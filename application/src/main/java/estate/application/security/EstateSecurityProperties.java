package estate.application.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code estate.security}: the mode ({@code basic} with the users below, or {@code jwt} with bearer tokens
 * from the identity provider) and, for basic, the users with BCrypt password hashes, and how long (default 5
 * minutes; 0 = never) and for how many logins (default 10,000) a successful password check is remembered.
 */
@ConfigurationProperties("estate.security")
public record EstateSecurityProperties(String mode, List<User> users, Duration credentialCacheTtl,
                                       Integer credentialCacheSize) {

    public EstateSecurityProperties {
        mode = mode == null ? "basic" : mode;
        users = users == null ? List.of() : List.copyOf(users);
        credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(5) : credentialCacheTtl;
        credentialCacheSize = credentialCacheSize == null ? 10_000 : credentialCacheSize;
        if (credentialCacheSize < 1) {
            throw new IllegalArgumentException("estate.security.credential-cache-size must be at least 1");
        }
    }

    public record User(String username, String password, List<String> roles, List<String> estates) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            estates = estates == null ? List.of() : List.copyOf(estates);
        }
    }
}
