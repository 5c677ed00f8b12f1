package estate.application.billing;

import estate.application.config.BoundedAggregateCache;
import estate.domain.billing.BillRun;
import estate.domain.billing.EstateFinance;
import estate.domain.billing.FeeSchedule;
import estate.domain.billing.Meter;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The billing context's aggregates: fee schedules, meters and bill runs. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class BillingConfig {

    @Bean
    ConfigurerModule billingAggregates() {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(FeeSchedule.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Meter.class))
                // a run of 100,000 accounts records its progress 200 times: not replayed from the start each time
                .configureAggregate(AggregateConfigurer.defaultConfiguration(BillRun.class)
                        .configureCache(c -> new BoundedAggregateCache(16)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(EstateFinance.class));
    }

    @Bean
    EventSourcingRepository<FeeSchedule> feeScheduleRepository(org.axonframework.config.Configuration axon) {
        return (EventSourcingRepository<FeeSchedule>) axon.repository(FeeSchedule.class);
    }
}
