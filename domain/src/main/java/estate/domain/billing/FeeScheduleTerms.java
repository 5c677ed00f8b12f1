package estate.domain.billing;

import estate.domain.estates.EstateId;

import java.util.List;
import java.util.Optional;

/** What a bill run and the late-fee run need of a schedule: items with their rates, and the collection policy. */
public record FeeScheduleTerms(EstateId estateId, List<FeeItem> items, CollectionPolicy policy) {

    public FeeScheduleTerms {
        items = List.copyOf(items);
    }

    public Optional<FeeItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
