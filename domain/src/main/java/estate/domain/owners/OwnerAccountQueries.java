package estate.domain.owners;

import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** Queries about owner accounts. Answers come from read models, except {@link FindAccountAccess}. */
public final class OwnerAccountQueries {

    private OwnerAccountQueries() {
    }

    /** The owner directory of one estate, optionally narrowed; name and phone match by substring. */
    public record FindOwners(EstateId estateId, BuildingId buildingId, String unitNumber, String name, String phone,
                             int page, int size) {
        public FindOwners {
            Objects.requireNonNull(estateId, "estateId");
            if (page < 0 || size < 1 || size > 500) {
                throw new IllegalArgumentException("page must be >= 0 and size between 1 and 500");
            }
        }
    }

    public record GetAccount(OwnerAccountId accountId) {
    }

    /** The accounts an owner-app user is linked to: what the owner app shows first. */
    public record FindAccountsOfPortalUser(String portalUser) {
        public FindAccountsOfPortalUser {
            Objects.requireNonNull(portalUser, "portalUser");
        }
    }

    public record GetAccountBalance(OwnerAccountId accountId) {
    }

    public record GetAccountLedger(OwnerAccountId accountId) {
    }

    /**
     * The balance as the books stood at the end of {@code asOf} in {@code zoneId} (the estate's zone): the effect
     * of every ledger line recorded before the next day began there.
     */
    public record GetAccountBalanceAsOf(OwnerAccountId accountId, LocalDate asOf, ZoneId zoneId) {
        public GetAccountBalanceAsOf {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(zoneId, "zoneId");
        }

        /** The first instant after the day: lines recorded before it count. */
        public Instant endOfDay() {
            return asOf.plusDays(1).atStartOfDay(zoneId).toInstant();
        }
    }

    public record GetCustomerFile(OwnerAccountId accountId) {
    }

    /**
     * Which estate an account belongs to and which app user holds it: answered from the command-side lookup,
     * so that it is consistent the moment the command that opened the account returns.
     */
    public record FindAccountAccess(OwnerAccountId accountId) {
    }

    /** Answer to {@link FindAccountAccess}. */
    public record AccountAccess(OwnerAccountId accountId, EstateId estateId, String portalUser, ZoneId zoneId) {
    }
}
