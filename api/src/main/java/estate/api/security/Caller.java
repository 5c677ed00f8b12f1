package estate.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashSet;
import java.util.Set;

/**
 * Who is calling: the user id, their roles and the estates they serve, read from the authorities that the
 * security configuration grants ({@code ROLE_…}, {@code ESTATE_…}, {@code ESTATE_*} for every estate).
 */
public record Caller(String userId, Set<String> roles, Set<String> estates, boolean allEstates) {

    public static final String ROLE_PREFIX = "ROLE_";
    public static final String ESTATE_PREFIX = "ESTATE_";
    public static final String MANAGER = "MANAGER";
    public static final String CUSTOMER_SERVICE = "CUSTOMER_SERVICE";
    public static final String MAINTENANCE = "MAINTENANCE";
    public static final String FINANCE = "FINANCE";
    public static final String AUDITOR = "AUDITOR";
    public static final String OWNER = "OWNER";
    public static final Set<String> ROLES = Set.of(MANAGER, CUSTOMER_SERVICE, MAINTENANCE, FINANCE, AUDITOR, OWNER);
    public static final Set<String> STAFF = Set.of(MANAGER, CUSTOMER_SERVICE, MAINTENANCE, FINANCE, AUDITOR);

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("No authenticated caller");
        }
        Set<String> roles = new HashSet<>();
        Set<String> estates = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith(ROLE_PREFIX)) {
                roles.add(name.substring(ROLE_PREFIX.length()));
            } else if (name.startsWith(ESTATE_PREFIX)) {
                estates.add(name.substring(ESTATE_PREFIX.length()));
            }
        }
        boolean all = estates.remove("*");
        return new Caller(authentication.getName(), Set.copyOf(roles), Set.copyOf(estates), all);
    }

    public boolean hasAny(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean isOwner() {
        return roles.contains(OWNER);
    }

    public boolean serves(String estateId) {
        return allEstates || estates.contains(estateId);
    }
}
