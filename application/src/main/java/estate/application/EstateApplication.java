package estate.application;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The estate back-office service: assembles domain, projections and API on the configured stores. */
@SpringBootApplication(scanBasePackages = "estate")
@ConfigurationPropertiesScan("estate.application")
public class EstateApplication {

    public static void main(String[] args) {
        SpringApplication.run(EstateApplication.class, args);
    }
}
