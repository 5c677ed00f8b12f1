package estate.application.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * HTTP Basic authentication with a cache of successful password checks: BCrypt (cost 10, tens of ms of CPU) runs
 * once per user, password and {@code ttl}, not on every request. The key is the username, the user's stored
 * password hash (a changed password is a different hash, so it is checked again) and an HMAC-SHA-256 of the
 * presented password under a key drawn at start (the plain password is never kept; the digest is useless outside
 * this process). Only successes are cached; a wrong password always goes to BCrypt. Everything else (loading the
 * user, the account checks, the authorities granted) is Spring's {@link DaoAuthenticationProvider}, unchanged.
 * Bounded: at most {@code maxEntries} (least recently used go first), each for {@code ttl} after its check.
 */
public class CachingBasicAuthenticationProvider extends DaoAuthenticationProvider {

    private final Duration ttl;
    private final LongSupplier nanoTicker;
    private final Map<String, Long> verifiedUntil;
    private final byte[] secret = new byte[32];

    public CachingBasicAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, Duration ttl,
                                              int maxEntries, LongSupplier nanoTicker) {
        super(users);
        setPasswordEncoder(encoder);
        this.ttl = ttl;
        this.nanoTicker = nanoTicker;
        this.verifiedUntil = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxEntries;
            }
        };
        new SecureRandom().nextBytes(secret);
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        Object presented = authentication.getCredentials();
        if (ttl.isZero() || ttl.isNegative() || presented == null || user.getPassword() == null) {
            super.additionalAuthenticationChecks(user, authentication);
            return;
        }
        String key = key(user, presented.toString());
        long now = nanoTicker.getAsLong();
        synchronized (verifiedUntil) {
            Long until = verifiedUntil.get(key);
            if (until != null) {
                if (now - until < 0) {
                    return;
                }
                verifiedUntil.remove(key);
            }
        }
        super.additionalAuthenticationChecks(user, authentication); // throws BadCredentialsException on a mismatch
        synchronized (verifiedUntil) {
            verifiedUntil.put(key, now + ttl.toNanos());
        }
    }

    /** Entries held now (expired ones count until they are looked up or pushed out). */
    int size() {
        synchronized (verifiedUntil) {
            return verifiedUntil.size();
        }
    }

    private String key(UserDetails user, String presented) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(presented.getBytes(StandardCharsets.UTF_8));
            return user.getUsername() + '\n' + user.getPassword() + '\n' + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
