package estate.api.security;

import estate.api.errors.ApiException;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.AccountAccess;
import estate.domain.owners.OwnerAccountQueries.FindAccountAccess;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the caller may act on an estate or an account. A role that may never do the thing gets 403;
 * a record outside the caller's estates or accounts is reported as not found (404), so nothing leaks.
 * Accounts are resolved through the command-side lookup, which is current as soon as a command returns.
 */
@Component
public class AccessGuard {

    private final QueryGateway queries;

    public AccessGuard(QueryGateway queries) {
        this.queries = queries;
    }

    /** Staff in one of {@code roles} who serve {@code estateId}. */
    public Caller staffOf(EstateId estateId, Set<String> roles) {
        Caller caller = Caller.current();
        if (!caller.hasAny(roles)) {
            throw ApiException.forbidden();
        }
        if (!caller.serves(estateId.value())) {
            throw ApiException.notFound("estate-not-found", "No estate " + estateId);
        }
        return caller;
    }

    /**
     * Staff in one of {@code staffRoles} who serve the account's estate, or (when {@code ownerAllowed}) the
     * owner whose app login is linked to the account.
     */
    public AccountAccess account(OwnerAccountId accountId, Set<String> staffRoles, boolean ownerAllowed) {
        Caller caller = Caller.current();
        boolean staffMayAct = caller.hasAny(staffRoles);
        boolean ownerMayAct = ownerAllowed && caller.isOwner();
        if (!staffMayAct && !ownerMayAct) {
            throw ApiException.forbidden();
        }
        AccountAccess access = find(accountId)
                .orElseThrow(() -> ApiException.notFound("account-not-found", "No account " + accountId));
        boolean allowed = (staffMayAct && caller.serves(access.estateId().value()))
                || (ownerMayAct && caller.userId().equals(access.portalUser()));
        if (!allowed) {
            throw ApiException.notFound("account-not-found", "No account " + accountId);
        }
        return access;
    }

    public Optional<AccountAccess> find(OwnerAccountId accountId) {
        return queries.query(new FindAccountAccess(accountId), ResponseTypes.optionalInstanceOf(AccountAccess.class))
                .join();
    }
}
