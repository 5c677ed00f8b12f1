package estate.application.store;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Event identifiers are version-7 UUIDs whose text sorts by time, so the event store's index takes them in order. */
class TimeOrderedIdentifierFactoryTest {

    @Test
    void theLayoutIsRfc9562sVersion7() {
        // RFC 9562, appendix A.6: unix_ts_ms 0x017F22E279B0, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F
        UUID uuid = TimeOrderedIdentifierFactory.next(0x017F_22E2_79B0L, 0xFFFF_FFFF_FFFF_FCC3L, 0xD8C4_DC0C_0C07_398FL);

        assertThat(uuid).hasToString("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void theTextOfALaterMillisecondSortsAfterAnyEarlierOne() {
        String earlier = TimeOrderedIdentifierFactory.next(1_764_000_000_000L, -1L, -1L).toString();
        String later = TimeOrderedIdentifierFactory.next(1_764_000_000_001L, 0L, 0L).toString();

        assertThat(earlier).isEqualTo("019ab697-e800-7fff-bfff-ffffffffffff");
        assertThat(later).isEqualTo("019ab697-e801-7000-8000-000000000000");
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void axonUsesItForEveryMessageAndTheIdentifiersAreDistinctAndInTimeOrder() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);

        long before = System.currentTimeMillis();
        List<String> identifiers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            identifiers.add(GenericEventMessage.asEventMessage("event " + i).getIdentifier());
        }
        long after = System.currentTimeMillis();

        assertThat(new HashSet<>(identifiers)).hasSize(identifiers.size());
        List<Long> millis = identifiers.stream().map(UUID::fromString)
                .peek(uuid -> assertThat(uuid.version()).isEqualTo(7))
                .map(uuid -> uuid.getMostSignificantBits() >>> 16).toList();
        assertThat(millis).isSorted().allSatisfy(ms -> assertThat(ms).isBetween(before, after));
    }
}
