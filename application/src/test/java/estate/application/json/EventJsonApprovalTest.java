package estate.application.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import estate.application.config.EstateJson;
import estate.domain.billing.BillRunEvent;
import estate.domain.billing.BillRunId;
import estate.domain.billing.CollectionPolicy;
import estate.domain.billing.EstateFinanceCommands.BudgetKind;
import estate.domain.billing.EstateFinanceCommands.ReportLine;
import estate.domain.billing.EstateFinanceEvent;
import estate.domain.billing.EstateFinanceId;
import estate.domain.billing.FeeBasis;
import estate.domain.billing.FeeScheduleEvent;
import estate.domain.billing.FeeScheduleId;
import estate.domain.billing.MeterId;
import estate.domain.billing.MeterReadingRecorded;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateEvent;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import estate.domain.owners.ChargeId;
import estate.domain.owners.ChargePart;
import estate.domain.owners.ConcernId;
import estate.domain.owners.ContactDetails;
import estate.domain.owners.HolderType;
import estate.domain.owners.InteractionChannel;
import estate.domain.owners.InteractionId;
import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.LedgerLines.CreditSource;
import estate.domain.owners.LedgerLines.LateFeeLine;
import estate.domain.owners.OwnerAccountEvent;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.PaymentChannel;
import estate.domain.owners.PaymentId;
import estate.domain.owners.RefundId;
import estate.domain.owners.WaiverId;
import estate.domain.shared.Money;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are a contract that outlives the code: each one's JSON is approved in
 * {@code src/test/resources/events/<Event>.json}. A change to an event's shape fails here; a deliberate one
 * gets a new revision and an upcaster, never an edited approval file. Run with {@code -Dapprove=true} only to
 * write the file of a new event.
 */
class EventJsonApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/events");
    private static final ObjectMapper MAPPER = EstateJson.messageMapper();
    private static final ObjectMapper PRETTY = EstateJson.messageMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final EstateId ESTATE = new EstateId("sunrise");
    private static final OwnerAccountId ACCOUNT = new OwnerAccountId("acc-0001");
    private static final UnitId UNIT = new UnitId("unit-1201");
    private static final Instant AT = Instant.parse("2026-11-28T02:30:00Z");
    private static final ContactDetails CONTACT = new ContactDetails("Li Wei", "13800138000", "li.wei@example.com");
    private static final ChargeId NOVEMBER_FEE = new ChargeId("chg-2026-11-pf");
    private static final ChargeId DECEMBER_FEE = new ChargeId("chg-2026-12-pf");
    private static final FeeScheduleId SCHEDULE = FeeScheduleId.of(ESTATE);
    private static final BillRunId BILL_RUN = new BillRunId("run-sunrise-2026-12");
    private static final EstateFinanceId FINANCE = EstateFinanceId.of(ESTATE);

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static List<Object> samples() {
        return List.of(
                new EstateEvent.EstateRegistered(ESTATE, "Sunrise Garden", "1 Riverside Road",
                        ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY")),
                new EstateEvent.BuildingAdded(ESTATE, new BuildingId("bld-1"), "Building 1", 18),
                new EstateEvent.UnitRegistered(ESTATE, UNIT, new BuildingId("bld-1"), "1-1201", 12,
                        new BigDecimal("111.00"), UnitUse.RESIDENTIAL),
                new EstateEvent.UnitAreaCorrected(ESTATE, UNIT, new BigDecimal("111.00"), new BigDecimal("109.50"),
                        "Re-measured after survey 2026-117"),
                new OwnerAccountEvent.AccountOpened(ACCOUNT, ESTATE, HolderType.OWNER, CONTACT, List.of(UNIT),
                        LocalDate.parse("2026-01-15"), "owner1", Currency.getInstance("CNY"),
                        ZoneId.of("Asia/Shanghai")),
                new OwnerAccountEvent.ContactDetailsChanged(ACCOUNT, ESTATE,
                        new ContactDetails("Li Wei", "13900139000", null)),
                new OwnerAccountEvent.PortalUserLinked(ACCOUNT, ESTATE, "owner1"),
                new OwnerAccountEvent.MovedIn(ACCOUNT, ESTATE, LocalDate.parse("2026-02-01")),
                new OwnerAccountEvent.UnitAcquired(ACCOUNT, ESTATE, new UnitId("parking-17"),
                        LocalDate.parse("2026-03-01")),
                new OwnerAccountEvent.UnitTransferredOut(ACCOUNT, ESTATE, UNIT, new OwnerAccountId("acc-0002"),
                        LocalDate.parse("2026-11-20"), "Sold, deed 2026-0042"),
                new OwnerAccountEvent.UnitTransferredIn(new OwnerAccountId("acc-0002"), ESTATE, UNIT, ACCOUNT,
                        LocalDate.parse("2026-11-20")),
                new OwnerAccountEvent.AccountClosed(ACCOUNT, ESTATE, LocalDate.parse("2026-11-30"), List.of(UNIT),
                        "Moved out after sale"),
                new OwnerAccountEvent.InteractionRecorded(ACCOUNT, ESTATE, new InteractionId("int-1"),
                        InteractionChannel.PHONE, "Asked about elevator noise", Set.of("noise"), "cs", AT),
                new OwnerAccountEvent.ConcernNoted(ACCOUNT, ESTATE, new ConcernId("con-1"), "noise",
                        "Elevator hums after 23:00", AT),
                new OwnerAccountEvent.ConcernResolved(ACCOUNT, ESTATE, new ConcernId("con-1"),
                        "Motor mounts replaced", AT),
                new OwnerAccountEvent.FeeCharged(ACCOUNT, ESTATE, new ChargeId("chg-2026-12-pf"), "PROPERTY_FEE",
                        YearMonth.parse("2026-12"), Money.of("310.80", "CNY"), LocalDate.parse("2026-12-31"), UNIT,
                        "Property fee 111.00 m² × 2.80", 1),
                new OwnerAccountEvent.PaymentReceived(ACCOUNT, ESTATE, new PaymentId("pay-1"), Money.of("100.00", "CNY"),
                        PaymentChannel.WECHAT_PAY, "R-2026-0001", AT),
                new OwnerAccountEvent.PaymentAllocated(ACCOUNT, ESTATE, new PaymentId("pay-1"),
                        List.of(new Allocation(NOVEMBER_FEE, ChargePart.PRINCIPAL, cny("80.00")),
                                new Allocation(NOVEMBER_FEE, ChargePart.LATE_FEE, cny("0.64"))),
                        cny("19.36"), LocalDate.parse("2026-11-28")),
                new OwnerAccountEvent.CreditApplied(ACCOUNT, ESTATE, DECEMBER_FEE, ChargePart.PRINCIPAL, cny("19.36"),
                        List.of(new CreditSource(new PaymentId("pay-1"), cny("19.36"))), LocalDate.parse("2026-12-31")),
                new OwnerAccountEvent.PaymentReversed(ACCOUNT, ESTATE, new PaymentId("pay-1"), cny("100.00"),
                        List.of(new Allocation(NOVEMBER_FEE, ChargePart.PRINCIPAL, cny("80.00")),
                                new Allocation(NOVEMBER_FEE, ChargePart.LATE_FEE, cny("0.64")),
                                new Allocation(DECEMBER_FEE, ChargePart.PRINCIPAL, cny("19.36"))),
                        cny("0.00"), LocalDate.parse("2027-01-03"), "Bank returned the transfer"),
                new OwnerAccountEvent.ChargeOverdue(ACCOUNT, ESTATE, DECEMBER_FEE, LocalDate.parse("2026-12-31"),
                        cny("310.80"), LocalDate.parse("2027-01-01")),
                new OwnerAccountEvent.ArrearsReminderDue(ACCOUNT, ESTATE, DECEMBER_FEE, LocalDate.parse("2026-12-31"),
                        30, cny("310.80"), LocalDate.parse("2027-01-30")),
                new OwnerAccountEvent.LateFeesAccrued(ACCOUNT, ESTATE, LocalDate.parse("2027-01-02"),
                        List.of(new LateFeeLine(DECEMBER_FEE, new BigDecimal("0.310800"), cny("0.15"))), cny("0.15")),
                new OwnerAccountEvent.WaiverRequested(ACCOUNT, ESTATE, new WaiverId("wvr-1"), DECEMBER_FEE,
                        ChargePart.LATE_FEE, cny("0.31"), "Reminder letter was returned undelivered", "finance1"),
                new OwnerAccountEvent.WaiverApproved(ACCOUNT, ESTATE, new WaiverId("wvr-1"), DECEMBER_FEE,
                        ChargePart.LATE_FEE, cny("0.31"), "manager1", LocalDate.parse("2027-01-05")),
                new OwnerAccountEvent.WaiverRejected(ACCOUNT, ESTATE, new WaiverId("wvr-2"), "manager1",
                        "No grounds given"),
                new OwnerAccountEvent.RefundRequested(ACCOUNT, ESTATE, new RefundId("rfd-1"), cny("19.36"),
                        "Credit back to the owner's bank account", "finance1"),
                new OwnerAccountEvent.RefundApproved(ACCOUNT, ESTATE, new RefundId("rfd-1"), cny("19.36"),
                        List.of(new CreditSource(new PaymentId("pay-1"), cny("19.36"))), "manager1",
                        LocalDate.parse("2027-01-05")),
                new OwnerAccountEvent.RefundRejected(ACCOUNT, ESTATE, new RefundId("rfd-2"), "manager1",
                        "The credit pays next month's fee"),
                new FeeScheduleEvent.FeeItemDefined(SCHEDULE, ESTATE, "PROPERTY_FEE", "物业费", FeeBasis.AREA,
                        Set.of(UnitUse.RESIDENTIAL), 10, Currency.getInstance("CNY")),
                new FeeScheduleEvent.FeeRateSet(SCHEDULE, ESTATE, "ELECTRICITY", LocalDate.parse("2027-01-01"),
                        new BigDecimal("0.5283"), Currency.getInstance("CNY"), "Grid tariff notice 2026-12"),
                new FeeScheduleEvent.CollectionPolicySet(SCHEDULE, ESTATE, new CollectionPolicy(15, 5,
                        new BigDecimal("0.0005"), new BigDecimal("0.3"))),
                new MeterReadingRecorded(MeterId.of(UNIT, "WATER"), ESTATE, UNIT, "WATER", new BigDecimal("1250.500"),
                        new BigDecimal("1234.000"), new BigDecimal("16.500"), LocalDate.parse("2026-12-31"), false),
                new BillRunEvent.BillRunStarted(BILL_RUN, ESTATE, YearMonth.parse("2026-12"), "finance1"),
                new BillRunEvent.BillRunProgressed(BILL_RUN, ESTATE, 500, 2000, 1480, 20, cny("402310.55")),
                new BillRunEvent.BillRunCompleted(BILL_RUN, ESTATE, YearMonth.parse("2026-12"), 2000, 12, 5940, 20,
                        cny("1609242.20")),
                new EstateFinanceEvent.BudgetSet(FINANCE, ESTATE, 2027, BudgetKind.EXPENSE, "LIFT_MAINTENANCE",
                        cny("180000.00"), cny("150000.00"), "finance1"),
                new EstateFinanceEvent.FinanceReportPublished(FINANCE, ESTATE, "report-2026-h2",
                        YearMonth.parse("2026-07"), YearMonth.parse("2026-12"),
                        List.of(new ReportLine("PROPERTY_FEE", cny("1609242.20")),
                                new ReportLine("PARKING_FEE", cny("216000.00"))),
                        List.of(new ReportLine("CLEANING", cny("420000.00")),
                                new ReportLine("LIFT_MAINTENANCE", cny("75000.00"))),
                        cny("1825242.20"), cny("495000.00"), cny("1330242.20"), "finance1"));
    }

    @TestFactory
    Stream<DynamicTest> eachEventMatchesItsApprovedJsonAndReadsBackEqual() {
        return samples().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
            String json = PRETTY.writeValueAsString(event) + "\n";
            Path file = APPROVED.resolve(event.getClass().getSimpleName() + ".json");
            if (Boolean.getBoolean("approve") && !Files.exists(file)) {
                Files.createDirectories(APPROVED);
                Files.writeString(file, json, StandardCharsets.UTF_8);
            }
            assertThat(file).as("approved JSON of " + event.getClass().getSimpleName()).exists();
            assertThat(json).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(MAPPER.readValue(Files.readString(file), event.getClass())).isEqualTo(event);
        }));
    }

    @Test
    void everyReleasedEventHasASampleAndARevision() {
        List<Class<?>> events = Stream.concat(
                Stream.of(EstateEvent.class, OwnerAccountEvent.class, FeeScheduleEvent.class, BillRunEvent.class,
                                EstateFinanceEvent.class)
                        .flatMap(type -> Arrays.stream(type.getPermittedSubclasses())),
                Stream.of(MeterReadingRecorded.class)).toList();
        assertThat(samples()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(events);
        assertThat(events).allSatisfy(type -> assertThat(type.getAnnotation(Revision.class)).isNotNull());
    }

    @Test
    void identifiersAreStringsAndAmountsPlainDecimals() throws IOException {
        String json = MAPPER.writeValueAsString(samples().stream()
                .filter(OwnerAccountEvent.FeeCharged.class::isInstance).findFirst().orElseThrow());
        assertThat(json).contains("\"accountId\":\"acc-0001\"")
                .contains("\"amount\":{\"amount\":310.80,\"currency\":\"CNY\"}")
                .contains("\"period\":\"2026-12\"")
                .contains("\"dueDate\":\"2026-12-31\"");
    }
}
