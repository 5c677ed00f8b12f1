package estate.application.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * The generated property company, built through the public API like the staff app would: estates of buildings
 * of 200 units (40-180 m², every tenth unit with a parking space), a fee schedule per estate (area-based property
 * fee with a rate change on the 16th, fixed parking fee), one owner account per unit.
 */
final class Company {

    static final int UNITS_PER_BUILDING = 200;

    /** One owner account and the residential unit it holds. */
    record Account(String estateId, String accountId, String unitId) {
    }

    private final List<String> estates = Collections.synchronizedList(new ArrayList<>());
    private final List<Account> accounts = Collections.synchronizedList(new ArrayList<>());
    private final Random random = new Random(42);

    List<String> estates() {
        return estates;
    }

    List<Account> accounts() {
        return accounts;
    }

    int residentialUnits() {
        return accounts.size();
    }

    /**
     * Adds an estate of {@code units} residential units, {@code threads} requests at a time; after every 1,000
     * units {@code progress} hears the count (so growth probes can run when the log passes a size).
     */
    void addEstate(BenchHttp http, String estateId, int units, int threads, LongConsumer progress) throws Exception {
        http.created("manager", "/api/estates", """
                {"estateId":"%s","name":"Garden %s","address":"%s Benchmark Road","zoneId":"Asia/Shanghai",\
                "currency":"CNY"}""".formatted(estateId, estateId, estateId));
        String fees = "/api/estates/" + estateId + "/fee-items";
        http.created("manager", fees, """
                {"itemCode":"PROPERTY_FEE","name":"Property fee","basis":"AREA","appliesTo":["RESIDENTIAL"],"order":1}""");
        http.created("manager", fees + "/PROPERTY_FEE/rates", """
                {"effectiveFrom":"2016-01-01","rate":"2.80","currency":"CNY","reason":"benchmark"}""");
        http.created("manager", fees + "/PROPERTY_FEE/rates", """
                {"effectiveFrom":"2026-12-16","rate":"3.10","currency":"CNY","reason":"benchmark: a change mid-period"}""");
        http.created("manager", fees, """
                {"itemCode":"PARKING","name":"Parking","basis":"FIXED","appliesTo":["PARKING"],"order":2}""");
        http.created("manager", fees + "/PARKING/rates", """
                {"effectiveFrom":"2016-01-01","rate":"150.00","currency":"CNY","reason":"benchmark"}""");
        List<String> buildings = new ArrayList<>();
        for (int b = 0; b < (units + UNITS_PER_BUILDING - 1) / UNITS_PER_BUILDING; b++) {
            buildings.add(http.created("manager", "/api/estates/" + estateId + "/buildings",
                    "{\"name\":\"Building %d\",\"floors\":40}".formatted(b + 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int from = 0; from < units; from += 1000) {
                List<Future<?>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(units, from + 1000); i++) {
                    int n = i;
                    String building = buildings.get(n / UNITS_PER_BUILDING);
                    BigDecimal area;
                    int floor;
                    synchronized (random) {
                        area = BigDecimal.valueOf(4000 + random.nextInt(14001), 2);
                        floor = 1 + random.nextInt(40);
                    }
                    batch.add(pool.submit(() -> {
                        addHome(http, estateId, building, n, floor, area);
                        return null;
                    }));
                }
                for (Future<?> f : batch) {
                    f.get();
                }
                progress.accept(Math.min(units, from + 1000));
            }
        } finally {
            pool.shutdown();
        }
        estates.add(estateId);
    }

    private void addHome(BenchHttp http, String estateId, String building, int n, int floor, BigDecimal area)
            throws Exception {
        String units = "/api/estates/" + estateId + "/units";
        String unit = http.created("manager", units, """
                {"buildingId":"%s","number":"%d-%d","floor":%d,"floorArea":"%s","use":"RESIDENTIAL"}"""
                .formatted(building, n / UNITS_PER_BUILDING + 1, n, floor, area.toPlainString()));
        String held = "\"" + unit + "\"";
        if (n % 10 == 0) {
            String parking = http.created("manager", units, """
                    {"buildingId":"%s","number":"P-%d","floor":-1,"floorArea":"12.50","use":"PARKING"}"""
                    .formatted(building, n));
            held += ",\"" + parking + "\"";
        }
        String account = http.created("cs", "/api/accounts", """
                {"estateId":"%s","holderType":"OWNER","name":"Owner %d","phone":"138%08d","unitIds":[%s],\
                "moveInDate":"2016-01-01"}""".formatted(estateId, n, n, held));
        accounts.add(new Account(estateId, account, unit));
    }
}
