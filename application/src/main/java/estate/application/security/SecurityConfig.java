package estate.application.security;

import estate.api.errors.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * Every request under /api is authenticated. Embedded default: HTTP Basic against the configured users
 * (BCrypt). Production ({@code estate.security.mode=jwt}): bearer JWTs from the company's identity provider,
 * whose {@code sub} is the user id and whose {@code roles} and {@code estates} claims give roles and scope.
 * Health probes and the OpenAPI document are open; metrics need a login; the event processors' status
 * ({@code /actuator/processors}) is for MANAGER and AUDITOR, rebuilding a read model through it for MANAGER.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems,
                                    @Value("${estate.security.mode:basic}") String mode,
                                    ObjectProvider<Converter<Jwt, AbstractAuthenticationToken>> jwtConverter)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        // event processors: status for MANAGER and AUDITOR, rebuilding a read model for MANAGER
                        .requestMatchers(HttpMethod.GET, "/actuator/processors", "/actuator/processors/**")
                        .hasAnyRole("MANAGER", "AUDITOR")
                        .requestMatchers("/actuator/processors", "/actuator/processors/**").hasRole("MANAGER")
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required"))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this")));
        if ("jwt".equals(mode)) {
            http.oauth2ResourceServer(rs -> rs
                    .authenticationEntryPoint((request, response, ex) -> problems.write(response,
                            HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required"))
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter.getObject())));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> problems.write(
                    response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required")));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Basic: Spring's user-and-password check, with successful BCrypt checks remembered for a while. */
    @Bean
    @ConditionalOnProperty(name = "estate.security.mode", havingValue = "basic", matchIfMissing = true)
    AuthenticationProvider basicAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                                       EstateSecurityProperties properties) {
        return new CachingBasicAuthenticationProvider(users, encoder, properties.credentialCacheTtl(),
                properties.credentialCacheSize(), System::nanoTime);
    }

    @Bean
    @ConditionalOnProperty(name = "estate.security.mode", havingValue = "basic", matchIfMissing = true)
    UserDetailsService configuredUsers(EstateSecurityProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .map(u -> User.withUsername(u.username())
                        .password(u.password())
                        .authorities(Authorities.of(u.roles(), u.estates()))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    /** {@code sub} is the user id; {@code roles} and {@code estates} claims become authorities. */
    @Bean
    @ConditionalOnProperty(name = "estate.security.mode", havingValue = "jwt")
    Converter<Jwt, AbstractAuthenticationToken> jwtAuthenticationConverter() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            List<String> estates = jwt.getClaimAsStringList("estates");
            return new JwtAuthenticationToken(jwt, Authorities.of(roles == null ? List.of() : roles,
                    estates == null ? List.of() : estates), jwt.getSubject());
        };
    }
}
