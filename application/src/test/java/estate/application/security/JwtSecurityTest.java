package estate.application.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import estate.application.EstateApplication;
import estate.application.support.ApiClient;
import estate.application.support.ApiClient.Response;
import estate.application.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production security: bearer JWTs from the company's identity provider, here signed with a local RSA key whose
 * public half the app is configured with. {@code sub} is the user, {@code roles} and {@code estates} the scope.
 */
@SpringBootTest(classes = EstateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtSecurityTest {

    private static final Path DATA = TestStores.newDataDir();
    private static final KeyPair IDP_KEY = rsaKey();
    private static final KeyPair STRANGER_KEY = rsaKey();

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry registry) {
        TestStores.properties(DATA).forEach((key, value) -> {
            if (!key.equals("server.port")) {
                registry.add(key, () -> value);
            }
        });
        registry.add("estate.security.mode", () -> "jwt");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + publicKeyPem(DATA.resolve("idp-public.pem")));
    }

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aSignedTokenGivesTheRolesAndEstatesOfItsClaims() {
        String manager = token(IDP_KEY, "m.zhou", List.of("MANAGER"), List.of("sunrise"));
        Response created = api.postWithToken(manager, "/api/estates", """
                {"estateId":"sunrise","name":"Sunrise","address":"1 Road","zoneId":"Asia/Shanghai","currency":"CNY"}""");
        assertThat(created.status()).isEqualTo(201);

        Response read = eventually(() -> api.getWithToken(manager, "/api/estates/sunrise"), r -> r.status() == 200);
        assertThat(read.json().get("name").asText()).isEqualTo("Sunrise");

        String otherEstate = token(IDP_KEY, "l.chen", List.of("CUSTOMER_SERVICE"), List.of("lakeside"));
        Response foreign = api.getWithToken(otherEstate, "/api/estates/sunrise");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asText()).isEqualTo("estate-not-found");

        String auditor = token(IDP_KEY, "audit", List.of("AUDITOR"), List.of("*"));
        assertThat(api.getWithToken(auditor, "/api/estates/sunrise").status()).isEqualTo(200);
        assertThat(api.postWithToken(auditor, "/api/estates/sunrise/buildings", "{\"name\":\"B\",\"floors\":2}")
                .status()).isEqualTo(403);
    }

    @Test
    void missingForgedOrExpiredTokensAreUnauthenticated() {
        Response none = api.get(null, "/api/estates");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("code").asText()).isEqualTo("unauthenticated");

        Response forged = api.getWithToken(token(STRANGER_KEY, "evil", List.of("MANAGER"), List.of("*")),
                "/api/estates");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("code").asText()).isEqualTo("unauthenticated");

        Response expired = api.getWithToken(token(IDP_KEY, "late", List.of("MANAGER"), List.of("*"),
                Instant.now().minusSeconds(3600)), "/api/estates");
        assertThat(expired.status()).isEqualTo(401);

        Response basic = api.get("manager", "/api/estates");
        assertThat(basic.status()).isEqualTo(401);
    }

    private static String token(KeyPair key, String subject, List<String> roles, List<String> estates) {
        return token(key, subject, roles, estates, Instant.now().plusSeconds(600));
    }

    private static String token(KeyPair key, String subject, List<String> roles, List<String> estates,
                                Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issueTime(Date.from(expires.minusSeconds(1200)))
                    .expirationTime(Date.from(expires))
                    .claim("roles", roles)
                    .claim("estates", estates)
                    .build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyPem(Path file) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(IDP_KEY.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
