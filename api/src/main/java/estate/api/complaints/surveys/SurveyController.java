package estate.api.complaints.surveys;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.Results;
import estate.domain.complaints.surveys.Answer;
import estate.domain.complaints.surveys.Question;
import estate.domain.complaints.surveys.QuestionType;
import estate.domain.complaints.surveys.SurveyCommands.AnswerSurvey;
import estate.domain.complaints.surveys.SurveyCommands.CloseSurvey;
import estate.domain.complaints.surveys.SurveyCommands.DefineSurvey;
import estate.domain.complaints.surveys.SurveyCommands.SendSurvey;
import estate.domain.complaints.surveys.SurveyId;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.FindAccountsOfPortalUser;
import estate.domain.shared.DomainRuleViolation;
import estate.projections.complaints.surveys.SatisfactionKpi;
import estate.projections.complaints.surveys.SurveyQueries.GetSatisfaction;
import estate.projections.complaints.surveys.SurveyQueries.GetSurvey;
import estate.projections.complaints.surveys.SurveyQueries.GetSurveyResults;
import estate.projections.complaints.surveys.SurveyResults;
import estate.projections.complaints.surveys.SurveyView;
import estate.projections.owners.OwnerDirectoryEntry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.CUSTOMER_SERVICE;
import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.STAFF;

/**
 * Satisfaction surveys (满意度调查) and the satisfaction KPI. The manager defines and sends a survey; owners answer
 * once per account in the app; staff of the estate read the results with free text, owners of an account in the
 * estate read them without free text (other owners' words stay with staff).
 */
@RestController
public class SurveyController {

    private static final Set<String> KPI_READERS = Set.of(MANAGER, CUSTOMER_SERVICE, AUDITOR);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;
    private final Clock clock;

    public SurveyController(CommandGateway commands, QueryGateway queries, AccessGuard guard, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
        this.clock = clock;
    }

    public record QuestionRequest(@NotBlank @Size(max = 64) String questionId, @NotNull QuestionType type,
                                  @NotBlank @Size(max = 500) String text, List<@NotBlank @Size(max = 200) String> options,
                                  @Size(max = 64) String category) {
    }

    /** {@code buildingId} null: all owners of the estate. */
    public record SurveyRequest(@NotBlank @Size(max = 200) String title,
                                @NotEmpty @Size(max = 50) List<@Valid @NotNull QuestionRequest> questions,
                                String buildingId, @NotNull LocalDate opensOn, @NotNull LocalDate closesOn) {
    }

    public record AnswerEntry(@NotBlank String questionId, Integer rating, @Size(max = 200) String choice,
                              @Size(max = 2000) String text) {
    }

    public record AnswersRequest(@NotBlank String accountId,
                                 @NotNull @Size(max = 50) List<@Valid @NotNull AnswerEntry> answers) {
    }

    @PostMapping("/api/estates/{estateId}/surveys")
    public ResponseEntity<Created> create(@PathVariable String estateId, @Valid @RequestBody SurveyRequest r) {
        EstateId estate = new EstateId(estateId);
        guard.staffOf(estate, Set.of(MANAGER));
        if (r.closesOn().isBefore(r.opensOn())) {
            throw new DomainRuleViolation("invalid-period",
                    "The survey must close on or after the day it opens");
        }
        SurveyId id = new SurveyId(Ids.newId());
        List<Question> questions = r.questions().stream().map(q -> new Question(q.questionId(), q.type(), q.text(),
                q.options(), q.category())).toList();
        commands.sendAndWait(new DefineSurvey(id, estate, r.title(), questions, clock.instant()));
        commands.sendAndWait(new SendSurvey(id, r.buildingId() == null ? null : new BuildingId(r.buildingId()),
                r.opensOn(), r.closesOn(), clock.instant()));
        return Created.at("/api/surveys/" + id, id.value());
    }

    /** An owner answers as one of the accounts linked to their login; the survey decides whether it was asked. */
    @PostMapping("/api/surveys/{surveyId}/answers")
    public ResponseEntity<Void> answer(@PathVariable String surveyId, @Valid @RequestBody AnswersRequest r) {
        OwnerAccountId account = new OwnerAccountId(r.accountId());
        guard.account(account, Set.of(), true);
        List<Answer> answers = r.answers().stream().map(a -> new Answer(a.questionId(), a.rating(), a.choice(),
                a.text())).toList();
        commands.sendAndWait(new AnswerSurvey(new SurveyId(surveyId), account, answers, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/surveys/{surveyId}/closure")
    public ResponseEntity<Void> close(@PathVariable String surveyId) {
        guard.staffOf(new EstateId(survey(surveyId).estateId()), Set.of(MANAGER));
        commands.sendAndWait(new CloseSurvey(new SurveyId(surveyId), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** Staff of the estate: everything; an owner with an account in the estate: no free text; others: 404. */
    @GetMapping("/api/surveys/{surveyId}/results")
    public SurveyResults results(@PathVariable String surveyId) {
        SurveyView survey = survey(surveyId);
        Caller caller = Caller.current();
        boolean staff = caller.hasAny(STAFF);
        if (staff) {
            guard.staffOf(new EstateId(survey.estateId()), STAFF);
        } else if (caller.isOwner()) {
            boolean ownsThere = Results.many(queries, new FindAccountsOfPortalUser(caller.userId()),
                    OwnerDirectoryEntry.class).stream().anyMatch(a -> survey.estateId().equals(a.estateId()));
            if (!ownsThere) {
                throw ApiException.notFound("survey-not-found", "No survey " + surveyId);
            }
        } else {
            throw ApiException.forbidden();
        }
        return Results.one(queries, new GetSurveyResults(surveyId, staff), SurveyResults.class, "survey-not-found");
    }

    /** The satisfaction KPI of the estate in a month (yyyy-MM, UTC): surveys, complaint ratings, work orders. */
    @GetMapping("/api/estates/{estateId}/satisfaction")
    public SatisfactionKpi satisfaction(@PathVariable String estateId, @RequestParam String month) {
        guard.staffOf(new EstateId(estateId), KPI_READERS);
        try {
            YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-month", "The month is yyyy-MM");
        }
        return queries.query(new GetSatisfaction(estateId, month), SatisfactionKpi.class).join();
    }

    private SurveyView survey(String surveyId) {
        return Results.one(queries, new GetSurvey(surveyId), SurveyView.class, "survey-not-found");
    }
}
