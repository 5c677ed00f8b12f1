package estate.domain.owners;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountEvent.AccountClosed;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.PaymentReceived;
import estate.domain.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The estate, units, people and moments the owner-account tests share. */
final class OwnerAccountExamples {

    static final EstateId ESTATE = EstateId.of("E1");
    static final EstateId OTHER_ESTATE = EstateId.of("E2");
    static final OwnerAccountId ACCOUNT = OwnerAccountId.of("A1");
    static final OwnerAccountId OTHER_ACCOUNT = OwnerAccountId.of("A2");
    static final UnitId FLAT = UnitId.of("U-101");
    static final UnitId SECOND_FLAT = UnitId.of("U-102");
    static final UnitId PARKING_SPACE = UnitId.of("P-01");
    static final UnitId FLAT_IN_OTHER_ESTATE = UnitId.of("U-901");
    static final UnitId UNREGISTERED_UNIT = UnitId.of("U-404");

    static final ContactDetails CONTACT = new ContactDetails("Wang Fang", "+86 138 0013 8000",
            "wang.fang@example.com");
    static final LocalDate MOVE_IN = LocalDate.of(2026, 11, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final LocalDate DUE = LocalDate.of(2026, 12, 15);
    /** The item order a {@code ChargeFee} without one gets. */
    static final int DEFAULT_ITEM_ORDER = 100;

    private OwnerAccountExamples() {
    }

    /** E1 (CNY, Asia/Shanghai) with U-101, U-102 and P-01, all free; E2 with U-901. */
    static InMemoryUnitRegistry registry() {
        return new InMemoryUnitRegistry()
                .withEstate(ESTATE).withUnits(ESTATE, FLAT, SECOND_FLAT, PARKING_SPACE)
                .withEstate(OTHER_ESTATE).withUnits(OTHER_ESTATE, FLAT_IN_OTHER_ESTATE);
    }

    /**
     * A fresh {@link AggregateTestFixture} whose handlers receive {@code registry} as their {@link UnitRegistry}
     * parameter (the {@code OpenAccount} constructor and the {@code AcquireUnit} handler).
     */
    static AggregateTestFixture<OwnerAccount> fixture(UnitRegistry registry) {
        AggregateTestFixture<OwnerAccount> fixture = new AggregateTestFixture<>(OwnerAccount.class);
        fixture.registerInjectableResource(registry);
        return fixture;
    }

    /** A fixture with the {@link #registry()} every unit of which is free. */
    static AggregateTestFixture<OwnerAccount> fixture() {
        return fixture(registry());
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** A1: an owner of U-101 in E1 who moved in on 1 November, ledger in CNY. */
    static AccountOpened accountOpened() {
        return ownerAccountOpened(ACCOUNT, ESTATE, FLAT);
    }

    static AccountOpened ownerAccountOpened(OwnerAccountId accountId, EstateId estateId, UnitId... units) {
        return new AccountOpened(accountId, estateId, HolderType.OWNER, CONTACT, List.of(units), MOVE_IN, null,
                InMemoryUnitRegistry.CNY, InMemoryUnitRegistry.SHANGHAI);
    }

    static AccountOpened tenantAccountOpened(OwnerAccountId accountId, EstateId estateId, UnitId... units) {
        return new AccountOpened(accountId, estateId, HolderType.TENANT, CONTACT, List.of(units), MOVE_IN, null,
                InMemoryUnitRegistry.CNY, InMemoryUnitRegistry.SHANGHAI);
    }

    static FeeCharged feeCharged(String chargeId, String amount) {
        return new FeeCharged(ACCOUNT, ESTATE, ChargeId.of(chargeId), "property-management", NOVEMBER, cny(amount), DUE,
                FLAT, null, DEFAULT_ITEM_ORDER);
    }

    static PaymentReceived paymentReceived(String paymentId, String amount, String receiptNumber) {
        return new PaymentReceived(ACCOUNT, ESTATE, PaymentId.of(paymentId), cny(amount), PaymentChannel.WECHAT_PAY,
                receiptNumber, NOW);
    }

    static AccountClosed accountClosed(OwnerAccountId accountId, EstateId estateId, UnitId... releasedUnits) {
        return new AccountClosed(accountId, estateId, TODAY, List.of(releasedUnits), "Sold the flat");
    }
}
