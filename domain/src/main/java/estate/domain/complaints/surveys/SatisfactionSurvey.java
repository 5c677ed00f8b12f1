package estate.domain.complaints.surveys;

import estate.domain.complaints.surveys.SurveyCommands.AnswerSurvey;
import estate.domain.complaints.surveys.SurveyCommands.CloseSurvey;
import estate.domain.complaints.surveys.SurveyCommands.DefineSurvey;
import estate.domain.complaints.surveys.SurveyCommands.SendSurvey;
import estate.domain.complaints.surveys.SurveyEvent.SurveyAnswered;
import estate.domain.complaints.surveys.SurveyEvent.SurveyClosed;
import estate.domain.complaints.surveys.SurveyEvent.SurveyDefined;
import estate.domain.complaints.surveys.SurveyEvent.SurveySent;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A satisfaction survey (满意度调查): the manager defines its questions, sends it to the owners of the estate or of
 * one building for a period of local dates, owner accounts answer once each, the manager may close it early.
 */
public class SatisfactionSurvey {

    static final int MAX_TEXT = 2000;

    @AggregateIdentifier
    private SurveyId surveyId;
    private EstateId estateId;
    private Map<String, Question> questions;
    private boolean sent;
    private BuildingId buildingId;
    private LocalDate opensOn;
    private LocalDate closesOn;
    private ZoneId zoneId;
    private boolean closed;
    private final Set<OwnerAccountId> answered = new HashSet<>();

    protected SatisfactionSurvey() {
        // for Axon
    }

    @CommandHandler
    public SatisfactionSurvey(DefineSurvey command, SurveyLookup lookup) {
        if (lookup.zoneOf(command.estateId()).isEmpty()) {
            throw DomainRuleViolation.notFound("unknown-estate", "Estate " + command.estateId() + " is not registered");
        }
        if (command.title().isBlank() || command.questions().isEmpty()) {
            throw new DomainRuleViolation("invalid-question", "A survey needs a title and at least one question");
        }
        Set<String> ids = new HashSet<>();
        for (Question q : command.questions()) {
            boolean choice = q.type() == QuestionType.SINGLE_CHOICE;
            boolean optionsFit = choice
                    ? q.options().size() >= 2 && q.options().stream().distinct().count() == q.options().size()
                    && q.options().stream().noneMatch(String::isBlank)
                    : q.options().isEmpty();
            if (!ids.add(q.questionId()) || q.text().isBlank() || !optionsFit) {
                throw new DomainRuleViolation("invalid-question", "Question " + q.questionId()
                        + " needs a unique id and a text; a single choice two or more distinct options, others none");
            }
        }
        apply(new SurveyDefined(command.surveyId(), command.estateId(), command.title(), command.questions(),
                command.definedAt()));
    }

    @CommandHandler
    public void handle(SendSurvey command, SurveyLookup lookup) {
        if (closed) {
            throw DomainRuleViolation.conflict("survey-closed", "The survey is closed");
        }
        if (sent) {
            throw DomainRuleViolation.conflict("survey-already-sent", "The survey was sent already");
        }
        if (command.closesOn().isBefore(command.opensOn())) {
            throw new DomainRuleViolation("invalid-period", "The survey must close on or after the day it opens");
        }
        ZoneId zone = lookup.zoneOf(estateId).orElseThrow();
        apply(new SurveySent(surveyId, estateId, command.buildingId(), command.opensOn(), command.closesOn(), zone,
                command.sentAt()));
    }

    @CommandHandler
    public void handle(AnswerSurvey command, SurveyLookup lookup) {
        OwnerAccountId account = command.accountId();
        if (!lookup.estateOfOwnerAccount(account).map(estateId::equals).orElse(false)) {
            throw DomainRuleViolation.notFound("not-in-audience", "Account " + account + " was not asked");
        }
        Set<BuildingId> buildings = lookup.buildingsOfAccount(account);
        if (buildingId != null && !buildings.contains(buildingId)) {
            throw DomainRuleViolation.notFound("not-in-audience", "Account " + account + " was not asked");
        }
        LocalDate today = sent ? command.answeredAt().atZone(zoneId).toLocalDate() : null;
        if (!sent || closed || today.isBefore(opensOn) || today.isAfter(closesOn)) {
            throw DomainRuleViolation.conflict("survey-closed", "The survey is not open for answers");
        }
        if (answered.contains(account)) {
            throw DomainRuleViolation.conflict("already-answered", "Account " + account + " answered already");
        }
        checkAnswers(command.answers());
        BuildingId answeringFor = buildingId != null ? buildingId
                : buildings.stream().min(Comparator.comparing(BuildingId::value)).orElse(null);
        apply(new SurveyAnswered(surveyId, estateId, account, answeringFor, command.answers(),
                command.answeredAt()));
    }

    /** Every rating and choice question answered once, within its scale or options; free text optional. */
    private void checkAnswers(List<Answer> answers) {
        Map<String, Answer> byQuestion = new LinkedHashMap<>();
        for (Answer a : answers) {
            Question q = questions.get(a.questionId());
            if (q == null || byQuestion.put(a.questionId(), a) != null || !fits(q, a)) {
                throw new DomainRuleViolation("invalid-answer", "The answer to " + a.questionId()
                        + " does not fit the question");
            }
        }
        for (Question q : questions.values()) {
            if (q.type() != QuestionType.FREE_TEXT && !byQuestion.containsKey(q.questionId())) {
                throw new DomainRuleViolation("invalid-answer", "Question " + q.questionId() + " needs an answer");
            }
        }
    }

    private static boolean fits(Question q, Answer a) {
        return switch (q.type()) {
            case RATING -> a.rating() != null && a.rating() >= 1 && a.rating() <= 5 && a.choice() == null
                    && a.text() == null;
            case SINGLE_CHOICE -> a.choice() != null && q.options().contains(a.choice()) && a.rating() == null
                    && a.text() == null;
            case FREE_TEXT -> a.text() != null && !a.text().isBlank() && a.text().length() <= MAX_TEXT
                    && a.rating() == null && a.choice() == null;
        };
    }

    @CommandHandler
    public void handle(CloseSurvey command) {
        if (closed) {
            throw DomainRuleViolation.conflict("survey-closed", "The survey is closed already");
        }
        apply(new SurveyClosed(surveyId, estateId, command.closedAt()));
    }

    @EventSourcingHandler
    void on(SurveyDefined event) {
        surveyId = event.surveyId();
        estateId = event.estateId();
        questions = new LinkedHashMap<>();
        event.questions().forEach(q -> questions.put(q.questionId(), q));
    }

    @EventSourcingHandler
    void on(SurveySent event) {
        sent = true;
        buildingId = event.buildingId();
        opensOn = event.opensOn();
        closesOn = event.closesOn();
        zoneId = event.zoneId();
    }

    @EventSourcingHandler
    void on(SurveyAnswered event) {
        answered.add(event.accountId());
    }

    @EventSourcingHandler
    void on(SurveyClosed event) {
        closed = true;
    }
}
