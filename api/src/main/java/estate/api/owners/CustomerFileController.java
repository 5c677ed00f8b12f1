package estate.api.owners;

import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.Results;
import estate.domain.owners.ConcernId;
import estate.domain.owners.InteractionChannel;
import estate.domain.owners.InteractionId;
import estate.domain.owners.OwnerAccountCommands.NoteConcern;
import estate.domain.owners.OwnerAccountCommands.RecordInteraction;
import estate.domain.owners.OwnerAccountCommands.ResolveConcern;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.GetCustomerFile;
import estate.projections.owners.CustomerFile;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.CUSTOMER_SERVICE;
import static estate.api.security.Caller.MANAGER;

/** The customer file (客户档案): interactions and concerns. Staff of the estate only, never owners. */
@RestController
@Tag(name = "Customer file", description = "Interactions and concerns of an account holder")
public class CustomerFileController {

    private static final Set<String> WRITERS = Set.of(MANAGER, CUSTOMER_SERVICE);
    private static final Set<String> READERS = Set.of(MANAGER, CUSTOMER_SERVICE, AUDITOR);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;
    private final Clock clock;

    public CustomerFileController(CommandGateway commands, QueryGateway queries, AccessGuard guard, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
        this.clock = clock;
    }

    public record InteractionRequest(@NotNull InteractionChannel channel, @NotBlank @Size(max = 2000) String summary,
                                     @Size(max = 20) Set<@NotBlank @Size(max = 40) String> concernTags,
                                     Instant occurredAt) {
    }

    public record ConcernRequest(@NotBlank @Size(max = 100) String topic, @NotBlank @Size(max = 2000) String detail) {
    }

    public record ResolutionRequest(@NotBlank @Size(max = 2000) String resolution) {
    }

    @PostMapping("/api/accounts/{accountId}/interactions")
    public ResponseEntity<Created> recordInteraction(@PathVariable OwnerAccountId accountId,
                                                     @Valid @RequestBody InteractionRequest request) {
        guard.account(accountId, WRITERS, false);
        InteractionId id = new InteractionId(Ids.newId());
        commands.sendAndWait(new RecordInteraction(accountId, id, request.channel(), request.summary(),
                request.concernTags() == null ? Set.of() : request.concernTags(), Caller.current().userId(),
                request.occurredAt() == null ? clock.instant() : request.occurredAt()));
        return Created.at("/api/accounts/" + accountId + "/customer-file", id.value());
    }

    @PostMapping("/api/accounts/{accountId}/concerns")
    public ResponseEntity<Created> noteConcern(@PathVariable OwnerAccountId accountId,
                                               @Valid @RequestBody ConcernRequest request) {
        guard.account(accountId, WRITERS, false);
        ConcernId id = new ConcernId(Ids.newId());
        commands.sendAndWait(new NoteConcern(accountId, id, request.topic(), request.detail(), clock.instant()));
        return Created.at("/api/accounts/" + accountId + "/customer-file", id.value());
    }

    @PostMapping("/api/accounts/{accountId}/concerns/{concernId}/resolution")
    public ResponseEntity<Void> resolveConcern(@PathVariable OwnerAccountId accountId,
                                               @PathVariable ConcernId concernId,
                                               @Valid @RequestBody ResolutionRequest request) {
        guard.account(accountId, WRITERS, false);
        commands.sendAndWait(new ResolveConcern(accountId, concernId, request.resolution(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/accounts/{accountId}/customer-file")
    public CustomerFile customerFile(@PathVariable OwnerAccountId accountId) {
        guard.account(accountId, READERS, false);
        return Results.one(queries, new GetCustomerFile(accountId), CustomerFile.class, "account-not-found");
    }
}
