package estate.application.config;

import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns a broken rule into a {@link CommandExecutionException} whose details carry the stable code, so the
 * API answers the same whether the command ran in this JVM or was routed through Axon Server.
 */
final class RuleViolationTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (DomainRuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), violation, violation.details(), false);
        }
    }
}
