package estate.application.complaints.surveys;

import estate.domain.complaints.surveys.SatisfactionSurvey;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Satisfaction surveys: the aggregate and its command-side lookup (subscribing: in the command's transaction). */
@Configuration(proxyBeanMethods = false)
public class SurveysConfig {

    @Bean
    ConfigurerModule surveyAggregates() {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SatisfactionSurvey.class));
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(SurveyLookupProjection.GROUP)
                    .registerListenerInvocationErrorHandler(SurveyLookupProjection.GROUP,
                            c -> PropagatingErrorHandler.instance());
        };
    }
}
