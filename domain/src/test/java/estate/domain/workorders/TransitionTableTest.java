package estate.domain.workorders;

import estate.domain.workorders.WorkOrderCommands.AcceptWorkOrder;
import estate.domain.workorders.WorkOrderCommands.AssignWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CancelWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CloseWorkOrder;
import estate.domain.workorders.WorkOrderCommands.PutWorkOnHold;
import estate.domain.workorders.WorkOrderCommands.ReassignWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ReopenWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ResumeWork;
import estate.domain.workorders.WorkOrderCommands.StartWork;
import estate.domain.workorders.WorkOrderCommands.TriageWorkOrder;
import estate.domain.workorders.WorkOrderCommands.VerifyWorkOrder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.COMPLETED_AT;
import static estate.domain.workorders.WorkOrderExamples.LI;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.WANG;
import static estate.domain.workorders.WorkOrderExamples.accepted;
import static estate.domain.workorders.WorkOrderExamples.assigned;
import static estate.domain.workorders.WorkOrderExamples.cancelled;
import static estate.domain.workorders.WorkOrderExamples.closed;
import static estate.domain.workorders.WorkOrderExamples.completeFree;
import static estate.domain.workorders.WorkOrderExamples.completedFree;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.onHold;
import static estate.domain.workorders.WorkOrderExamples.reported;
import static estate.domain.workorders.WorkOrderExamples.started;
import static estate.domain.workorders.WorkOrderExamples.triaged;
import static estate.domain.workorders.WorkOrderExamples.verified;
import static estate.domain.workorders.WorkOrderStatus.ACCEPTED;
import static estate.domain.workorders.WorkOrderStatus.ASSIGNED;
import static estate.domain.workorders.WorkOrderStatus.CANCELLED;
import static estate.domain.workorders.WorkOrderStatus.CLOSED;
import static estate.domain.workorders.WorkOrderStatus.COMPLETED;
import static estate.domain.workorders.WorkOrderStatus.IN_PROGRESS;
import static estate.domain.workorders.WorkOrderStatus.ON_HOLD;
import static estate.domain.workorders.WorkOrderStatus.REPORTED;
import static estate.domain.workorders.WorkOrderStatus.TRIAGED;
import static estate.domain.workorders.WorkOrderStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle as a table: every lifecycle command against a repair in every status. Where the table allows it the
 * command succeeds; everywhere else it is rejected with {@code illegal-transition} and changes nothing.
 */
class TransitionTableTest {

    private static final Instant AT = COMPLETED_AT.plus(Duration.ofHours(1));

    /** Which statuses each command may start from (the lifecycle). */
    private static final Map<String, Set<WorkOrderStatus>> ALLOWED = new LinkedHashMap<>();
    private static final Map<String, Object> COMMANDS = new LinkedHashMap<>();

    static {
        allow("triage", new TriageWorkOrder(ORDER, Priority.URGENT, false, null, AT), REPORTED);
        allow("assign", new AssignWorkOrder(ORDER, WANG, AT), TRIAGED);
        allow("reassign", new ReassignWorkOrder(ORDER, LI, "Swap", AT), ASSIGNED, ACCEPTED, IN_PROGRESS, ON_HOLD);
        allow("accept", new AcceptWorkOrder(ORDER, AT), ASSIGNED);
        allow("start", new StartWork(ORDER, AT), ACCEPTED);
        allow("hold", new PutWorkOnHold(ORDER, "Parts", AT), IN_PROGRESS);
        allow("resume", new ResumeWork(ORDER, AT), ON_HOLD);
        allow("complete", completeFree(), IN_PROGRESS);
        allow("verify", new VerifyWorkOrder(ORDER, 4, null, AT), COMPLETED);
        allow("close", new CloseWorkOrder(ORDER, AT), VERIFIED);
        allow("reopen", new ReopenWorkOrder(ORDER, "Again", AT), COMPLETED, VERIFIED, CLOSED);
        allow("cancel", new CancelWorkOrder(ORDER, "No longer needed", false, AT), REPORTED, TRIAGED, ASSIGNED,
                ACCEPTED, IN_PROGRESS, ON_HOLD);
    }

    private static void allow(String name, Object command, WorkOrderStatus first, WorkOrderStatus... more) {
        COMMANDS.put(name, command);
        ALLOWED.put(name, EnumSet.of(first, more));
    }

    /** The past of a free NORMAL repair of E1 that leaves it in each status. */
    private static Map<WorkOrderStatus, List<Object>> histories() {
        Map<WorkOrderStatus, List<Object>> histories = new EnumMap<>(WorkOrderStatus.class);
        List<Object> past = new ArrayList<>();
        for (Object[] step : new Object[][]{{REPORTED, reported()}, {TRIAGED, triaged(false)}, {ASSIGNED, assigned()},
                {ACCEPTED, accepted()}, {IN_PROGRESS, started()}}) {
            past.add(step[1]);
            histories.put((WorkOrderStatus) step[0], List.copyOf(past));
        }
        histories.put(ON_HOLD, with(past, onHold(true)));
        past.add(completedFree());
        histories.put(COMPLETED, List.copyOf(past));
        past.add(verified());
        histories.put(VERIFIED, List.copyOf(past));
        past.add(closed());
        histories.put(CLOSED, List.copyOf(past));
        histories.put(CANCELLED, List.of(reported(), triaged(false), cancelled()));
        return histories;
    }

    private static List<Object> with(List<Object> past, Object event) {
        List<Object> events = new ArrayList<>(past);
        events.add(event);
        return events;
    }

    @TestFactory
    Stream<DynamicTest> eachCommandIsAllowedOnlyFromItsStatuses() {
        Map<WorkOrderStatus, List<Object>> histories = histories();
        assertThat(histories.keySet()).containsExactlyInAnyOrder(WorkOrderStatus.values());
        List<DynamicTest> tests = new ArrayList<>();
        histories.forEach((status, past) -> COMMANDS.forEach((name, command) -> {
            boolean allowed = ALLOWED.get(name).contains(status);
            tests.add(DynamicTest.dynamicTest(name + " from " + status + (allowed ? " succeeds" : " is illegal"), () -> {
                var result = fixture().given(past.toArray()).when(command);
                if (allowed) {
                    result.expectSuccessfulHandlerExecution();
                } else {
                    result.expectNoEvents().expectException(violation(CONFLICT, "illegal-transition"));
                }
            }));
        }));
        return tests.stream();
    }
}
