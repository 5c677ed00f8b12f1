package estate.application.web;

import estate.api.errors.ProblemAdvice;
import estate.api.errors.ProblemWriter;
import estate.application.config.RequestMetadataDispatchInterceptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on every POST under /api. The first request with a key runs as one unit of work: the
 * events its commands cause and its recorded response are committed in one transaction, both or neither. A
 * retry with the same key (same user) gets the recorded response and changes nothing; the same key with a
 * different request is refused. Two concurrent requests with one key: the second to record fails on the key,
 * is rolled back whole, and is answered with the first one's response.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final int MAX_BODY = 1024 * 1024;

    private final IdempotencyStore store;
    private final TransactionManager transactionManager;
    private final ProblemWriter problems;
    private final ProblemAdvice problemMapper;

    public IdempotencyFilter(IdempotencyStore store, TransactionManager transactionManager, ProblemWriter problems,
                             ProblemAdvice problemMapper) {
        this.store = store;
        this.transactionManager = transactionManager;
        this.problems = problems;
        this.problemMapper = problemMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key == null || !KEY_SHAPE.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "idempotency-key-required",
                    "Every POST needs an Idempotency-Key header of 8-100 letters, digits, '.', '_', ':' or '-'");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "The body exceeds 1 MiB");
            return;
        }
        String fingerprint = IdempotencyStore.fingerprint(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), body);
        Optional<IdempotencyStore.Record> earlier = store.find(user.getName(), key);
        if (earlier.isPresent()) {
            replay(earlier.get(), fingerprint, response);
            return;
        }
        request.setAttribute(RequestMetadataDispatchInterceptor.IDEMPOTENCY_ATTRIBUTE, key);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean lostRace = runAndRecord(new CachedBodyRequest(request, body), recorded, chain, user.getName(), key,
                fingerprint);
        if (lostRace) {
            recorded.resetBuffer();
            Optional<IdempotencyStore.Record> winner = store.find(user.getName(), key);
            if (winner.isPresent()) {
                replay(winner.get(), fingerprint, response);
                return;
            }
        }
        recorded.copyBodyToResponse();
    }

    /**
     * Runs the request as one root unit of work with a transaction: the commands it sends run in nested units
     * of work, so their aggregate locks are held and their events stored until this root commits, together with
     * the idempotency record. Returns true if another request took the key meanwhile (this one is rolled back).
     */
    private boolean runAndRecord(HttpServletRequest request, ContentCachingResponseWrapper response, FilterChain chain,
                                 String userId, String key, String fingerprint) throws IOException, ServletException {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(new GenericMessage<>(request.getRequestURI()));
        root.attachTransaction(transactionManager);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            root.rollback(e);
            throw e;
        }
        if (response.getStatus() >= 300) {
            root.rollback();
            return false;
        }
        boolean stored;
        try {
            stored = store.insert(new IdempotencyStore.Record(userId, key, fingerprint, response.getStatus(),
                    response.getContentType(), response.getHeader(HttpHeaders.LOCATION),
                    response.getHeader(HttpHeaders.ETAG),
                    new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            root.rollback(e);
            throw e;
        }
        if (!stored) {
            root.rollback();
            return true;
        }
        try {
            root.commit();
        } catch (RuntimeException commitFailed) {
            // a rule checked at commit (command-side lookup) or a conflict with another instance: nothing was stored
            response.reset();
            response.setHeader(CorrelationFilter.HEADER,
                    (String) request.getAttribute(RequestMetadataDispatchInterceptor.CORRELATION_ATTRIBUTE));
            ProblemDetail problem = problemMapper.toProblem(commitFailed).getBody();
            problem.setInstance(URI.create(request.getRequestURI()));
            problems.write(response, problem);
        }
        return false;
    }

    private void replay(IdempotencyStore.Record record, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!record.fingerprint().equals(fingerprint)) {
            problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request");
            return;
        }
        response.setStatus(record.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (record.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, record.location());
        }
        if (record.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, record.etag());
        }
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.body() != null && !record.body().isEmpty()) {
            response.getOutputStream().write(record.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request with its body read once, so it can be fingerprinted and then handled. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
