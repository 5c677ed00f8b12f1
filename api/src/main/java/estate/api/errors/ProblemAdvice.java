package estate.api.errors;

import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.DateTimeException;
import java.util.List;
import java.util.Map;

/**
 * Every error the API returns is {@code application/problem+json} with a stable {@code code}: validation 400,
 * not found 404, rule broken 409/422, concurrency 409. Never a stack trace or a raw library message.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(DomainRuleViolation e) {
        return respond(statusOf(e.kind()), e.code(), e.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        DomainRuleViolation.Details details = e.<DomainRuleViolation.Details>getDetails().orElse(null);
        if (details != null) {
            return respond(statusOf(details.kind()), details.code(), e.getMessage());
        }
        Throwable cause = e.getCause();
        if (cause instanceof DomainRuleViolation violation) {
            return rule(violation);
        }
        if (cause instanceof Exception inner && !(cause instanceof CommandExecutionException)) {
            return unexpectedOrKnown(inner);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "not-found", "No such record");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> exists(AggregateStreamCreationException e) {
        return respond(HttpStatus.CONFLICT, "already-exists", "A record with this id exists already");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException e) {
        return respond(HttpStatus.CONFLICT, "concurrent-modification",
                "Someone else changed this record at the same moment; read it again and retry");
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> store(EventStoreException e) {
        return unexpected(e);
    }

    @ExceptionHandler({IllegalArgumentException.class, DateTimeException.class})
    ResponseEntity<ProblemDetail> invalid(RuntimeException e) {
        return respond(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this");
    }

    /** The problem response for an exception raised outside a controller (for example at commit). */
    public ResponseEntity<ProblemDetail> toProblem(Exception e) {
        if (e instanceof CommandExecutionException commandFailed) {
            return commandFailed(commandFailed);
        }
        return unexpectedOrKnown(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpectedOrKnown(Exception e) {
        if (e instanceof DomainRuleViolation violation) {
            return rule(violation);
        }
        if (e instanceof AggregateStreamCreationException creation) {
            return exists(creation);
        }
        if (e instanceof ConcurrencyException conflict) {
            return concurrency(conflict);
        }
        if (e instanceof AggregateNotFoundException missing) {
            return notFound(missing);
        }
        return unexpected(e);
    }

    private ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("Unexpected error while handling a request", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The request could not be completed; nothing was changed");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : ProblemDetail.forStatusAndDetail(statusCode, "The request could not be processed");
        problem.setProperty("code", codeOf(ex, statusCode));
        if (ex instanceof MethodArgumentNotValidException invalid) {
            problem.setDetail("Some fields are invalid");
            List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                    .map(f -> Map.of("field", f.getField(),
                            "message", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                    .toList();
            problem.setProperty("errors", errors);
        }
        if (ex instanceof HttpMessageNotReadableException) {
            problem.setDetail("The request body is not valid JSON for this operation");
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private static String codeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof MethodArgumentNotValidException || ex instanceof HandlerMethodValidationException) {
            return "validation-failed";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "malformed-request";
        }
        if (ex instanceof MethodArgumentTypeMismatchException
                || ex instanceof org.springframework.beans.TypeMismatchException) {
            return "invalid-parameter";
        }
        if (ex instanceof MissingServletRequestParameterException || ex instanceof MissingRequestHeaderException) {
            return "missing-parameter";
        }
        if (ex instanceof NoResourceFoundException) {
            return "not-found";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "method-not-allowed";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "unsupported-media-type";
        }
        return "http-" + status.value();
    }

    static HttpStatus statusOf(DomainRuleViolation.Kind kind) {
        return switch (kind) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.problem(status, code, detail));
    }
}
