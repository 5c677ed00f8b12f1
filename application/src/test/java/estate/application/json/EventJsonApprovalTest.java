package estate.application.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import estate.application.config.EstateJson;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateEvent;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import estate.domain.owners.ChargeId;
import estate.domain.owners.ConcernId;
import estate.domain.owners.ContactDetails;
import estate.domain.owners.HolderType;
import estate.domain.owners.InteractionChannel;
import estate.domain.owners.InteractionId;
import estate.domain.owners.OwnerAccountEvent;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.PaymentChannel;
import estate.domain.owners.PaymentId;
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
                        PaymentChannel.WECHAT_PAY, "R-2026-0001", AT));
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
        List<Class<?>> events = Stream.of(EstateEvent.class, OwnerAccountEvent.class)
                .flatMap(type -> Arrays.stream(type.getPermittedSubclasses())).toList();
        assertThat(samples()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(events);
        assertThat(events).allSatisfy(type -> assertThat(type.getAnnotation(Revision.class)).isNotNull());
    }

    @Test
    void identifiersAreStringsAndAmountsPlainDecimals() throws IOException {
        String json = MAPPER.writeValueAsString(samples().get(15));
        assertThat(json).contains("\"accountId\":\"acc-0001\"")
                .contains("\"amount\":{\"amount\":310.80,\"currency\":\"CNY\"}")
                .contains("\"period\":\"2026-12\"")
                .contains("\"dueDate\":\"2026-12-31\"");
    }
}
