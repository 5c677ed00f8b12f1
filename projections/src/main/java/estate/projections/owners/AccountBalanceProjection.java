package estate.projections.owners;

import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.PaymentReceived;
import estate.domain.owners.OwnerAccountQueries.GetAccountBalance;
import estate.domain.owners.OwnerAccountQueries.GetAccountLedger;
import estate.projections.support.Guarded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Account balances and the simple fee ledger behind them. */
@Component
@ProcessingGroup(AccountBalanceProjection.GROUP)
public class AccountBalanceProjection {

    public static final String GROUP = "account-balance";

    private final MongoTemplate mongo;

    public AccountBalanceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        Guarded.insertOnce(mongo, new AccountBalance(event.accountId().value(), event.estateId().value(),
                event.currency().getCurrencyCode(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, sequence));
    }

    @EventHandler
    void on(FeeCharged event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue("userId") String userId) {
        String account = event.accountId().value();
        Guarded.insertOnce(mongo, new LedgerEntry(account + ":" + sequence, account, event.estateId().value(),
                sequence, LedgerEntry.CHARGE, event.chargeId().value(), event.feeItem(), event.period().toString(),
                event.dueDate(), null, null, event.amount().amount(), event.amount().currency().getCurrencyCode(),
                at, userId));
        adjust(account, sequence, event.amount().amount(), BigDecimal.ZERO);
    }

    @EventHandler
    void on(PaymentReceived event, @SequenceNumber long sequence, @MetaDataValue("userId") String userId) {
        String account = event.accountId().value();
        Guarded.insertOnce(mongo, new LedgerEntry(account + ":" + sequence, account, event.estateId().value(),
                sequence, LedgerEntry.PAYMENT, event.paymentId().value(), null, null, null, event.channel().name(),
                event.receiptNumber(), event.amount().amount(), event.amount().currency().getCurrencyCode(),
                event.receivedAt(), userId));
        adjust(account, sequence, BigDecimal.ZERO, event.amount().amount());
    }

    /** Read, add and write back under the sequence guard: exact decimal arithmetic, applied once. */
    private void adjust(String accountId, long sequence, BigDecimal charged, BigDecimal paid) {
        AccountBalance current = mongo.findById(accountId, AccountBalance.class);
        if (current == null || current.lastSequence() >= sequence) {
            return;
        }
        BigDecimal newCharged = current.charged().add(charged);
        BigDecimal newPaid = current.paid().add(paid);
        Guarded.update(mongo, AccountBalance.class, accountId, sequence, new Update()
                .set("charged", newCharged)
                .set("paid", newPaid)
                .set("balance", newCharged.subtract(newPaid)));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountBalance.class);
        mongo.dropCollection(LedgerEntry.class);
    }

    @QueryHandler
    Optional<AccountBalance> handle(GetAccountBalance query) {
        return Optional.ofNullable(mongo.findById(query.accountId().value(), AccountBalance.class));
    }

    @QueryHandler
    Optional<AccountLedger> handle(GetAccountLedger query) {
        AccountBalance balance = mongo.findById(query.accountId().value(), AccountBalance.class);
        if (balance == null) {
            return Optional.empty();
        }
        List<LedgerEntry> entries = mongo.find(Query.query(where("accountId").is(balance.accountId()))
                .with(Sort.by("sequence")), LedgerEntry.class);
        List<AccountLedger.Line> lines = new ArrayList<>(entries.size());
        BigDecimal running = BigDecimal.ZERO;
        for (LedgerEntry entry : entries) {
            running = LedgerEntry.CHARGE.equals(entry.kind())
                    ? running.add(entry.amount())
                    : running.subtract(entry.amount());
            lines.add(new AccountLedger.Line(entry, running));
        }
        return Optional.of(new AccountLedger(balance.accountId(), balance.currency(), balance.balance(), lines));
    }
}
