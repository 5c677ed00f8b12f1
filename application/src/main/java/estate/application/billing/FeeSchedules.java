package estate.application.billing;

import estate.domain.billing.BillingQueries.GetFeeSchedule;
import estate.domain.billing.FeeSchedule;
import estate.domain.billing.FeeScheduleId;
import estate.domain.billing.FeeScheduleTerms;
import estate.domain.estates.EstateId;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads an estate's fee schedule from its aggregate (the source of truth), for the bill and arrears runs. */
@Component
public class FeeSchedules {

    private final Repository<FeeSchedule> schedules;

    public FeeSchedules(Repository<FeeSchedule> schedules) {
        this.schedules = schedules;
    }

    @QueryHandler
    public Optional<FeeScheduleTerms> handle(GetFeeSchedule query) {
        return of(query.estateId());
    }

    public Optional<FeeScheduleTerms> of(EstateId estateId) {
        ResultMessage<FeeScheduleTerms> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> schedules
                .load(FeeScheduleId.of(estateId).value()).invoke(FeeSchedule::terms));
        if (!result.isExceptional()) {
            return Optional.of(result.getPayload());
        }
        if (result.exceptionResult() instanceof AggregateNotFoundException) {
            return Optional.empty();
        }
        throw new IllegalStateException("Could not read the fee schedule of " + estateId, result.exceptionResult());
    }
}
