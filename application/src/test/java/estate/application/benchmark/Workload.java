package estate.application.benchmark;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the mixed command load: 40 % charges, 30 % payments, 15 % complaint steps, 15 % work-order
 * steps. Each client walks its own complaint (file, acknowledge, assign, investigate, resolve, return visit) and
 * its own work order (report, triage, assign, accept, start, complete) through their lifecycles, one step per
 * command, as front office, finance and maintenance staff would.
 */
final class Workload {

    private static final AtomicLong RECEIPTS = new AtomicLong();

    private final BenchHttp http;
    private final List<Company.Account> accounts;
    private final Random random;
    private String complaint;
    private int complaintStep;
    private String workOrder;
    private int workOrderStep;

    Workload(BenchHttp http, List<Company.Account> accounts, long seed) {
        this.http = http;
        this.accounts = accounts;
        this.random = new Random(seed);
    }

    /** Sends one command; returns its response. */
    BenchHttp.Response next() throws Exception {
        int dice = random.nextInt(100);
        Company.Account account = accounts.get(random.nextInt(accounts.size()));
        if (dice < 40) {
            return http.post("finance", "/api/accounts/" + account.accountId() + "/charges", null, """
                    {"feeItem":"PROPERTY_FEE","period":"2026-11","amount":"%d.%02d","currency":"CNY",\
                    "dueDate":"2027-06-30","description":"Benchmark charge"}"""
                    .formatted(50 + random.nextInt(400), random.nextInt(100)));
        }
        if (dice < 70) {
            return http.post("finance", "/api/accounts/" + account.accountId() + "/payments", null, """
                    {"amount":"%d.00","currency":"CNY","channel":"WECHAT_PAY","receiptNumber":"R%d"}"""
                    .formatted(20 + random.nextInt(300), RECEIPTS.incrementAndGet()));
        }
        if (dice < 85) {
            return complaintStep(account);
        }
        return workOrderStep(account);
    }

    private BenchHttp.Response complaintStep(Company.Account account) throws Exception {
        String path = "/api/complaints/" + complaint;
        BenchHttp.Response response = switch (complaintStep) {
            case 0 -> http.post("cs", "/api/complaints", null, """
                    {"estateId":"%s","accountId":"%s","channel":"PHONE","category":"NOISE",\
                    "description":"Noise from the plant room at night"}""".formatted(account.estateId(),
                    account.accountId()));
            case 1 -> http.post("cs", path + "/acknowledgement", null, "{\"message\":\"We are on it\"}");
            case 2 -> http.post("cs", path + "/assignment", null, "{\"staffMember\":\"cs\"}");
            case 3 -> http.post("cs", path + "/investigation", null, "{}");
            case 4 -> http.post("cs", path + "/resolution", null, "{\"resolution\":\"Silencer fitted\"}");
            default -> http.post("cs", path + "/return-visit", null, "{\"rating\":5,\"accepted\":true}");
        };
        if (response.ok()) {
            if (complaintStep == 0) {
                complaint = response.id();
            }
            complaintStep = (complaintStep + 1) % 6;
        } else {
            complaintStep = 0; // start a fresh one
        }
        return response;
    }

    private BenchHttp.Response workOrderStep(Company.Account account) throws Exception {
        String path = "/api/work-orders/" + workOrder;
        BenchHttp.Response response = switch (workOrderStep) {
            case 0 -> http.post("cs", "/api/work-orders", null, """
                    {"estateId":"%s","accountId":"%s","unitId":"%s","category":"WATER_SUPPLY",\
                    "description":"Kitchen tap leaks"}""".formatted(account.estateId(), account.accountId(),
                    account.unitId()));
            case 1 -> http.post("cs", path + "/triage", null, "{\"priority\":\"NORMAL\",\"paidRepair\":false}");
            case 2 -> http.post("cs", path + "/assignment", null, "{\"staffMember\":\"maint\"}");
            case 3 -> http.post("maint", path + "/acceptance", null, "{}");
            case 4 -> http.post("maint", path + "/start", null, "{}");
            default -> http.post("maint", path + "/completion", null, """
                    {"summary":"Washer replaced","labourHours":"0.5","labourCost":"40.00","currency":"CNY"}""");
        };
        if (response.ok()) {
            if (workOrderStep == 0) {
                workOrder = response.id();
            }
            workOrderStep = (workOrderStep + 1) % 6;
        } else {
            workOrderStep = 0;
        }
        return response;
    }
}
