package estate.application.security;

import estate.api.security.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Roles and estate scopes as Spring authorities: {@code ROLE_FINANCE}, {@code ESTATE_sunrise}, {@code ESTATE_*}. */
final class Authorities {

    private Authorities() {
    }

    static List<GrantedAuthority> of(Collection<String> roles, Collection<String> estates) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles) {
            String name = role.toUpperCase();
            if (!Caller.ROLES.contains(name)) {
                throw new IllegalArgumentException("Unknown role " + role + "; expected one of " + Caller.ROLES);
            }
            authorities.add(new SimpleGrantedAuthority(Caller.ROLE_PREFIX + name));
        }
        for (String estate : Set.copyOf(estates)) {
            authorities.add(new SimpleGrantedAuthority(Caller.ESTATE_PREFIX + estate));
        }
        return authorities;
    }
}
