package estate.application.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import estate.application.billing.BillRunner.AccountBill;
import estate.application.billing.BillRunner.AccountNotBilled;
import estate.application.billing.BillRunner.Totals;
import estate.application.support.ApplicationTest;
import estate.domain.billing.BillRunCommands.StartBillRun;
import estate.domain.billing.BillRunId;
import estate.domain.billing.FeeBasis;
import estate.domain.billing.FeeScheduleCommands.DefineFeeItem;
import estate.domain.billing.FeeScheduleCommands.SetFeeRate;
import estate.domain.billing.FeeScheduleId;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateCommands.AddBuilding;
import estate.domain.estates.EstateCommands.RegisterEstate;
import estate.domain.estates.EstateCommands.RegisterUnit;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import estate.domain.owners.ChargeId;
import estate.domain.owners.ContactDetails;
import estate.domain.owners.HolderType;
import estate.domain.owners.LedgerLines.BillLine;
import estate.domain.owners.OwnerAccountCommands.MoveOut;
import estate.domain.owners.OwnerAccountCommands.OpenAccount;
import estate.domain.owners.OwnerAccountCommands.PostBill;
import estate.domain.owners.OwnerAccountCommands.RecordPayment;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.PaymentChannel;
import estate.domain.owners.PaymentId;
import estate.domain.shared.Money;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bill run posts accounts in batches (one unit of work and one transaction per batch): the events are exactly
 * those of posting one account at a time; a failing account does not cost the others their charges and is
 * reported; a re-run does not ask accounts whose lines are charged already (but still asks closed ones).
 */
class BillBatchPostingTest extends ApplicationTest {

    private static final YearMonth PERIOD = YearMonth.parse("2026-12");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Money ZERO = Money.zero(CNY);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    BillRunner runner;
    @Autowired
    CommandGateway commands;
    @Autowired
    CommandBus commandBus;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchStoresExactlyTheEventsThatPostingOneAccountAtATimeStores() throws Exception {
        Estate estate = estate(6, "100.00", "50.00", "73.33", "100.00", "50.00", "73.33");
        BillRunId run = new BillRunId("billrun:" + estate.id + ":batch");

        Totals batched = runner.postBatch(run, PERIOD, List.of(estate.bill(0, "280.00"), estate.bill(1, "140.00"),
                estate.bill(2, "205.32")), ZERO);
        Totals oneByOne = new Totals(ZERO);
        oneByOne.add(runner.postBatch(run, PERIOD, List.of(estate.bill(3, "280.00")), ZERO));
        oneByOne.add(runner.postBatch(run, PERIOD, List.of(estate.bill(4, "140.00")), ZERO));
        oneByOne.add(runner.postBatch(run, PERIOD, List.of(estate.bill(5, "205.32")), ZERO));

        assertThat(List.of(batched.charged, batched.already, batched.skipped)).containsExactly(3, 0, 0);
        assertThat(List.of(oneByOne.charged, oneByOne.already, oneByOne.skipped)).containsExactly(3, 0, 0);
        assertThat(batched.amount).isEqualTo(Money.of("625.32", "CNY"));
        assertThat(oneByOne.amount).isEqualTo(Money.of("625.32", "CNY"));
        for (int i = 0; i < 3; i++) {
            List<String> types = events(estate.account(i)).stream().map(e -> e.type).toList();
            assertThat(types).containsExactly("estate.domain.owners.OwnerAccountEvent$AccountOpened",
                    "estate.domain.owners.OwnerAccountEvent$FeeCharged");
            assertThat(normalized(estate, i)).isEqualTo(normalized(estate, i + 3));
        }
        JsonNode charged = JSON.readTree(events(estate.account(0)).get(1).payload);
        assertThat(charged.get("chargeId").asText()).isEqualTo("bill:2026-12:PROPERTY_FEE:" + estate.unit(0));
        assertThat(charged.get("amount").get("amount").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(chargesInLookup(estate.account(0))).isEqualTo(1);
    }

    @Test
    void aFailingAccountInABatchDoesNotCostTheOthersTheirChargesAndIsReported() {
        Estate estate = estate(3, "100.00", "50.00", "80.00");
        BillRunId run = new BillRunId("billrun:" + estate.id + ":failing");
        List<AccountBill> batch = List.of(estate.bill(0, "280.00"),
                new AccountBill(estate.accountId(1), List.of(estate.line(1, Money.of("140.00", "USD")))),
                estate.bill(2, "224.00"));

        assertThatThrownBy(() -> runner.postBatch(run, PERIOD, batch, ZERO))
                .isInstanceOf(AccountNotBilled.class)
                .hasMessageContaining("account " + estate.account(1) + " could not be billed");

        // the batch was rolled back whole (the cached accounts with it), then its accounts were posted one by one
        assertThat(feeCharged(estate.account(0))).isEqualTo(1);
        assertThat(feeCharged(estate.account(1))).isZero();
        assertThat(feeCharged(estate.account(2))).isEqualTo(1);
        Totals again = runner.postBatch(run, PERIOD, List.of(estate.bill(0, "280.00"), estate.bill(2, "224.00")),
                ZERO);
        assertThat(List.of(again.charged, again.already, again.skipped)).containsExactly(0, 2, 0);
        assertThat(feeCharged(estate.account(0))).isEqualTo(1);
    }

    @Test
    void aClosedAccountInABatchIsSkippedAndTheOthersAreCharged() {
        Estate estate = estate(3, "100.00", "50.00", "80.00");
        commands.sendAndWait(new MoveOut(estate.accountId(1), LocalDate.parse("2026-11-30"), "sold"));

        Totals totals = runner.postBatch(new BillRunId("billrun:" + estate.id + ":closed"), PERIOD,
                List.of(estate.bill(0, "280.00"), estate.bill(1, "140.00"), estate.bill(2, "224.00")), ZERO);

        assertThat(List.of(totals.charged, totals.already, totals.skipped)).containsExactly(2, 0, 1);
        assertThat(totals.amount).isEqualTo(Money.of("504.00", "CNY"));
        assertThat(feeCharged(estate.account(1))).isZero();
    }

    @Test
    void aRerunChargesNothingAndAsksOnlyTheAccountsWithLinesNotKnownToBeCharged() throws Exception {
        Estate estate = estate(6, "100.00", "50.00", "80.00", "90.00", "60.00", "50.00");
        defineFees(estate);
        // account 4 moves out in the period: it is billed, refuses (closed) and is counted as skipped
        commands.sendAndWait(new MoveOut(estate.accountId(4), LocalDate.parse("2026-12-10"), "sold"));

        AtomicInteger asked = new AtomicInteger();
        Registration counting = commandBus.registerHandlerInterceptor(countPostBills(estate, asked));
        try {
            JsonNode first = billRun(estate);
            assertThat(first.get("accountsTotal").asInt()).isEqualTo(6);
            assertThat(first.get("accountsSkipped").asInt()).isEqualTo(1);
            assertThat(first.get("linesCharged").asInt()).isEqualTo(5);
            assertThat(first.get("linesAlreadyCharged").asInt()).isZero();
            // 100 + 50 + 80 + 90 + 50 m² × 2.80
            assertThat(first.get("amountCharged").get("amount").decimalValue()).isEqualByComparingTo("1036.00");
            assertThat(asked.getAndSet(0)).isEqualTo(6);

            // account 5 pays and moves out after being billed: closing it removes its charges from the lookup,
            // so the re-run asks it again (and it refuses: skipped), instead of counting its line as charged
            commands.sendAndWait(new RecordPayment(estate.accountId(5), PaymentId.of("pay-" + estate.id),
                    Money.of("140.00", "CNY"), PaymentChannel.CASH, "R-" + estate.id, Instant.now()));
            commands.sendAndWait(new MoveOut(estate.accountId(5), LocalDate.parse("2026-12-20"), "sold"));
            assertThat(chargesInLookup(estate.account(5))).isZero();

            JsonNode rerun = billRun(estate);
            assertThat(rerun.get("accountsTotal").asInt()).isEqualTo(6);
            assertThat(rerun.get("accountsSkipped").asInt()).isEqualTo(2);
            assertThat(rerun.get("linesCharged").asInt()).isZero();
            assertThat(rerun.get("linesAlreadyCharged").asInt()).isEqualTo(4);
            assertThat(rerun.get("amountCharged").get("amount").decimalValue()).isEqualByComparingTo("0");
            assertThat(asked.get()).isEqualTo(2);
        } finally {
            counting.cancel();
        }
        for (int i = 0; i < 6; i++) {
            assertThat(feeCharged(estate.account(i))).isEqualTo(i == 4 ? 0 : 1);
        }
    }

    // ---------------------------------------------------------------- helpers

    private record Estate(String id, List<String> areas) {
        EstateId estateId() {
            return new EstateId(id);
        }

        String unit(int i) {
            return id + "-u" + i;
        }

        String account(int i) {
            return id + "-a" + i;
        }

        OwnerAccountId accountId(int i) {
            return new OwnerAccountId(account(i));
        }

        BillLine line(int i, Money amount) {
            return new BillLine(new ChargeId("bill:" + PERIOD + ":PROPERTY_FEE:" + unit(i)), "PROPERTY_FEE", 1,
                    amount, PERIOD.atDay(15), new UnitId(unit(i)), "Property fee " + PERIOD + ": " + areas.get(i));
        }

        AccountBill bill(int i, String amount) {
            return new AccountBill(accountId(i), List.of(line(i, Money.of(amount, "CNY"))));
        }
    }

    private Estate estate(int accounts, String... areas) {
        Estate estate = new Estate("batch-" + UUID.randomUUID().toString().substring(0, 8), List.of(areas));
        commands.sendAndWait(new RegisterEstate(estate.estateId(), "Batch Garden", "1 Batch Road",
                ZoneId.of("Asia/Shanghai"), CNY));
        BuildingId building = new BuildingId(estate.id + "-b");
        commands.sendAndWait(new AddBuilding(estate.estateId(), building, "Building", 10));
        for (int i = 0; i < accounts; i++) {
            commands.sendAndWait(new RegisterUnit(estate.estateId(), new UnitId(estate.unit(i)), building, "1-" + i,
                    1, new BigDecimal(areas[i]), UnitUse.RESIDENTIAL));
            commands.sendAndWait(new OpenAccount(estate.accountId(i), estate.estateId(), HolderType.OWNER,
                    new ContactDetails("Owner " + i, "13800000000", null), List.of(new UnitId(estate.unit(i))),
                    null, null));
        }
        return estate;
    }

    private void defineFees(Estate estate) {
        FeeScheduleId schedule = FeeScheduleId.of(estate.estateId());
        commands.sendAndWait(new DefineFeeItem(schedule, estate.estateId(), "PROPERTY_FEE", "Property fee",
                FeeBasis.AREA, Set.of(UnitUse.RESIDENTIAL), 1));
        commands.sendAndWait(new SetFeeRate(schedule, "PROPERTY_FEE", LocalDate.parse("2026-01-01"),
                new BigDecimal("2.80"), CNY, "2026"));
    }

    private JsonNode billRun(Estate estate) throws Exception {
        BillRunId runId = new BillRunId("billrun:" + estate.id + ":" + UUID.randomUUID());
        commands.sendAndWait(new StartBillRun(runId, estate.estateId(), PERIOD, "test"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> status = jdbc.queryForList("SELECT status FROM billing_run WHERE run_id = ?", String.class,
                    runId.value());
            if (status.equals(List.of("COMPLETED"))) {
                String completed = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE "
                        + "aggregateIdentifier = ? AND payloadType LIKE '%BillRunCompleted'",
                        (rs, n) -> new String(rs.getBytes(1)), runId.value());
                return JSON.readTree(completed);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The bill run did not complete");
    }

    private static MessageHandlerInterceptor<CommandMessage<?>> countPostBills(Estate estate, AtomicInteger asked) {
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof PostBill post
                    && post.accountId().value().startsWith(estate.id + "-")) {
                asked.incrementAndGet();
            }
            return chain.proceed();
        };
    }

    private record StoredEvent(String type, String payload, String metaData) {
    }

    private List<StoredEvent> events(String account) {
        return jdbc.query("SELECT payloadType, payload, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "ORDER BY sequenceNumber",
                (rs, n) -> new StoredEvent(rs.getString(1), new String(rs.getBytes(2)), new String(rs.getBytes(3))),
                account);
    }

    /** An account's events with its own ids replaced, and the metadata without the (per command) causation id. */
    private List<Object> normalized(Estate estate, int i) throws Exception {
        List<Object> normalized = new ArrayList<>();
        for (StoredEvent event : events(estate.account(i))) {
            Map<?, ?> metaData = JSON.readValue(event.metaData, Map.class);
            assertThat(metaData.get("causationId")).isNotNull();
            Map<Object, Object> rest = new java.util.TreeMap<>(metaData);
            rest.remove("causationId");
            normalized.add(List.of(event.type,
                    event.payload.replace(estate.account(i), "ACCOUNT").replace(estate.unit(i), "UNIT")
                            .replace("\"Owner " + i + "\"", "\"OWNER\""),
                    rest));
        }
        return normalized;
    }

    private int feeCharged(String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE '%FeeCharged'", Integer.class, account);
    }

    private int chargesInLookup(String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lookup_charge WHERE account_id = ?", Integer.class,
                account);
    }
}
