package org.leadcrm;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** LeadCRM: the Contact Manager of a lead-generation CRM. */
@SpringBootApplication
@Theme("leadcrm")
@Push
public class LeadCrmApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(LeadCrmApplication.class, args);
    }

    /** One clock for every timestamp, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
