package estate.projections.owners;

import estate.domain.owners.OwnerAccountQueries.GetAccountBalanceAsOf;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The audit read "balance as of a day", from the ledger lines of {@code account-balance} (each carries its event's
 * timestamp and its effect on the balance). The ledger lines are found by the {@code accountId} index that the
 * application keeps on {@code ledger_entries} (also after a reset drops the collection).
 */
@Component
public class AccountBalanceAsOfQueries {

    private final MongoTemplate mongo;

    public AccountBalanceAsOfQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    Optional<AccountBalanceAsOf> handle(GetAccountBalanceAsOf query) {
        String accountId = query.accountId().value();
        AccountBalance current = mongo.findById(accountId, AccountBalance.class);
        if (current == null) {
            return Optional.empty();
        }
        Instant endOfDay = query.endOfDay();
        List<LedgerEntry> entries = mongo.find(Query.query(where("accountId").is(accountId)
                .and("recordedAt").lt(endOfDay)).with(Sort.by("sequence")), LedgerEntry.class);
        BigDecimal balance = BigDecimal.ZERO;
        for (LedgerEntry entry : entries) {
            balance = balance.add(entry.delta());
        }
        CustomerFileEntry opening = mongo.findById(accountId + ":0", CustomerFileEntry.class);
        return Optional.of(new AccountBalanceAsOf(accountId, current.estateId(), current.currency(), query.asOf(),
                query.zoneId().getId(), endOfDay, opening == null ? null : opening.occurredAt(), balance,
                entries.size(), entries.isEmpty() ? null : entries.get(entries.size() - 1).sequence()));
    }
}
