package estate.application.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credential cache of HTTP Basic: fewer BCrypt checks, the same answers. */
class CachingBasicAuthenticationProviderTest {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final String SHARED_HASH = BCRYPT.encode("secret-1");

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final AtomicLong ticker = new AtomicLong(1_000);
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
            User.withUsername("alice").password(SHARED_HASH).roles("FINANCE").build(),
            User.withUsername("bob").password(SHARED_HASH).roles("AUDITOR").build(),
            User.withUsername("carol").password(BCRYPT.encode("secret-3")).roles("MANAGER").build());
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return BCRYPT.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return BCRYPT.matches(raw, encoded);
        }
    };

    private CachingBasicAuthenticationProvider provider(int maxEntries) {
        return new CachingBasicAuthenticationProvider(users, counting, Duration.ofMinutes(5), maxEntries, ticker::get);
    }

    private static Authentication login(CachingBasicAuthenticationProvider provider, String user, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    private static List<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void aRightPasswordIsCheckedByBcryptOnceThenRemembered() {
        CachingBasicAuthenticationProvider provider = provider(100);
        for (int i = 0; i < 5; i++) {
            assertThat(login(provider, "alice", "secret-1").getName()).isEqualTo("alice");
        }
        assertThat(bcryptChecks).hasValue(1);
        assertThat(provider.size()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRefusedAfterTheRightOneWasCachedAndFailuresAreNeverCached() {
        CachingBasicAuthenticationProvider provider = provider(100);
        login(provider, "alice", "secret-1");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login(provider, "alice", "secret-2"))
                    .isInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> login(provider, "alice", "secret-1 "))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcryptChecks).hasValue(7);
        assertThat(provider.size()).isEqualTo(1);
    }

    @Test
    void theCacheDoesNotChangeWhoIsAuthenticated() {
        CachingBasicAuthenticationProvider provider = provider(100);
        Authentication alice = login(provider, "alice", "secret-1");
        // bob has the very same stored hash and password: still bob, with bob's authorities, checked for bob
        Authentication bob = login(provider, "bob", "secret-1");
        assertThat(alice.getName()).isEqualTo("alice");
        assertThat(authorities(alice)).containsExactly("ROLE_FINANCE");
        assertThat(bob.getName()).isEqualTo("bob");
        assertThat(authorities(bob)).containsExactly("ROLE_AUDITOR");
        assertThat(bcryptChecks).hasValue(2);
        assertThat(login(provider, "bob", "secret-1").getName()).isEqualTo("bob");
        assertThat(bcryptChecks).hasValue(2);
        // alice's password is not carol's, and an unknown user is refused
        assertThatThrownBy(() -> login(provider, "carol", "secret-1")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login(provider, "mallory", "secret-1")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aChangedPasswordIsCheckedByBcryptAgain() {
        CachingBasicAuthenticationProvider provider = provider(100);
        login(provider, "carol", "secret-3");
        users.updateUser(User.withUsername("carol").password(BCRYPT.encode("secret-4")).roles("MANAGER").build());
        assertThatThrownBy(() -> login(provider, "carol", "secret-3")).isInstanceOf(BadCredentialsException.class);
        assertThat(login(provider, "carol", "secret-4").getName()).isEqualTo("carol");
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void anEntryExpiresAfterTheTtl() {
        CachingBasicAuthenticationProvider provider = provider(100);
        login(provider, "alice", "secret-1");
        ticker.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        login(provider, "alice", "secret-1");
        assertThat(bcryptChecks).hasValue(1);
        ticker.addAndGet(1);
        login(provider, "alice", "secret-1");
        assertThat(bcryptChecks).hasValue(2);
        // checked again: remembered for another five minutes from now
        ticker.addAndGet(Duration.ofMinutes(4).toNanos());
        login(provider, "alice", "secret-1");
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void theCacheIsBoundedAndAZeroTtlTurnsItOff() {
        CachingBasicAuthenticationProvider bounded = provider(2);
        login(bounded, "alice", "secret-1");
        login(bounded, "bob", "secret-1");
        login(bounded, "carol", "secret-3");
        assertThat(bounded.size()).isEqualTo(2);
        login(bounded, "alice", "secret-1"); // the least recently used was pushed out
        assertThat(bcryptChecks).hasValue(4);

        CachingBasicAuthenticationProvider off = new CachingBasicAuthenticationProvider(users, counting,
                Duration.ZERO, 100, ticker::get);
        login(off, "alice", "secret-1");
        login(off, "alice", "secret-1");
        assertThat(bcryptChecks).hasValue(6);
        assertThat(off.size()).isZero();
    }
}
