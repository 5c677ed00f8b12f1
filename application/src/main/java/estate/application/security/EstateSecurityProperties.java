package estate.application.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code estate.security}: the mode ({@code basic} with the users below, or {@code jwt} with bearer tokens
 * from the identity provider) and, for basic, the users with BCrypt password hashes.
 */
@ConfigurationProperties("estate.security")
public record EstateSecurityProperties(String mode, List<User> users) {

    public EstateSecurityProperties {
        mode = mode == null ? "basic" : mode;
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String username, String password, List<String> roles, List<String> estates) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            estates = estates == null ? List.of() : List.copyOf(estates);
        }
    }
}
