package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.TransferUnit;
import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.Objects;

/**
 * Transfers a unit between two owner accounts in one unit of work, so both accounts' events are stored
 * together or not at all (one transaction on the JDBC store, one append on Axon Server).
 */
public class UnitTransferHandler {

    private final Repository<OwnerAccount> accounts;

    public UnitTransferHandler(Repository<OwnerAccount> accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @CommandHandler
    public void handle(TransferUnit command) {
        if (command.fromAccountId().equals(command.toAccountId())) {
            throw new DomainRuleViolation("same-account", "A unit cannot be transferred to the account that holds it");
        }
        Aggregate<OwnerAccount> seller = accounts.load(command.fromAccountId().value());
        Aggregate<OwnerAccount> buyer = accounts.load(command.toAccountId().value());
        OwnerAccount buyerState = buyer.invoke(account -> account);
        seller.execute(account -> account.transferOut(command, buyerState));
        buyer.execute(account -> account.transferIn(command));
    }
}
