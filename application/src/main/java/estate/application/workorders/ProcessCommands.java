package estate.application.workorders;

import estate.application.config.AxonConfig;
import estate.application.config.RequestMetadataDispatchInterceptor;
import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * Sends the commands of a process (a process manager, the sweeper, the scheduler) in its own name — events record
 * the process as who did it, role {@value RequestMetadataDispatchInterceptor#SYSTEM}, while the correlation id of
 * the request that started it is kept — and tells a rule's rejection (an answer) from a failure (to be retried).
 */
@Component
public class ProcessCommands {

    private final CommandGateway commands;

    public ProcessCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Empty when the command was accepted; the rule's code when a rule rejected it. Anything else is thrown. */
    public Optional<String> send(Object command, String process) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                    AxonConfig.USER_ID, process, AxonConfig.ROLE, RequestMetadataDispatchInterceptor.SYSTEM)));
            return Optional.empty();
        } catch (CommandExecutionException e) {
            Optional<DomainRuleViolation.Details> details = e.getDetails();
            if (details.isPresent()) {
                return Optional.of(details.get().code());
            }
            if (e.getCause() instanceof DomainRuleViolation violation) {
                return Optional.of(violation.code());
            }
            throw e;
        } catch (DomainRuleViolation violation) {
            return Optional.of(violation.code());
        }
    }
}
