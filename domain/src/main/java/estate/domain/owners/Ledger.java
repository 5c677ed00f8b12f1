package estate.domain.owners;

import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.LedgerLines.CreditSource;
import estate.domain.owners.LedgerLines.LateFeeLine;
import estate.domain.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fee ledger of one account: charges with what settled them and when, payments with where they went,
 * prepaid credit by the payment it came from, late fees, waivers and refunds. The account aggregate asks it
 * for decisions (which are pure) and feeds it its events (the only way it changes), so a snapshot of the
 * aggregate is a snapshot of the ledger.
 *
 * <p>Laws: balance = charges + late fees − payments + reversed payments − waivers + refunds
 * = outstanding − credit; an allocation never exceeds what is outstanding on a charge part.
 */
final class Ledger {

    private static final int[] REMINDER_DAYS = {30, 60, 90};

    private Currency currency;
    private Map<String, Charge> charges = new LinkedHashMap<>();
    private Map<String, Payment> payments = new LinkedHashMap<>();
    private Map<String, Waiver> waivers = new LinkedHashMap<>();
    private Map<String, Refund> refunds = new LinkedHashMap<>();
    private Set<String> receiptNumbers = new HashSet<>();
    private BigDecimal balance = BigDecimal.ZERO;
    private long postings;

    Ledger() {
        // for snapshots
    }

    Ledger(Currency currency) {
        this.currency = currency;
        this.balance = money(BigDecimal.ZERO).amount();
    }

    // ---------------------------------------------------------------- state types

    static final class Charge {
        String chargeId;
        String feeItem;
        int itemOrder;
        long posting;
        LocalDate dueDate;
        BigDecimal amount;
        List<Movement> movements = new ArrayList<>();
        BigDecimal lateFeeExact = BigDecimal.ZERO;
        BigDecimal lateFeeCharged = BigDecimal.ZERO;
        BigDecimal lateFeeSettled = BigDecimal.ZERO;
        LocalDate assessedThrough;
        boolean overdueNoticed;
        int lastReminder;
        /** How many settlements had been made when the charge was last assessed (to spot back-dated ones). */
        int movementsAssessed;

        @Override
        public boolean equals(Object o) {
            return o instanceof Charge that && Objects.equals(chargeId, that.chargeId) && Objects.equals(feeItem, that.feeItem) && Objects.equals(itemOrder, that.itemOrder) && Objects.equals(posting, that.posting) && Objects.equals(dueDate, that.dueDate) && Objects.equals(amount, that.amount) && Objects.equals(movements, that.movements) && Objects.equals(lateFeeExact, that.lateFeeExact) && Objects.equals(lateFeeCharged, that.lateFeeCharged) && Objects.equals(lateFeeSettled, that.lateFeeSettled) && Objects.equals(assessedThrough, that.assessedThrough) && Objects.equals(overdueNoticed, that.overdueNoticed) && Objects.equals(lastReminder, that.lastReminder) && Objects.equals(movementsAssessed, that.movementsAssessed);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chargeId, feeItem, itemOrder, posting, dueDate, amount, movements, lateFeeExact, lateFeeCharged, lateFeeSettled, assessedThrough, overdueNoticed, lastReminder, movementsAssessed);
        }

        BigDecimal principalOutstanding() {
            BigDecimal outstanding = amount;
            for (Movement m : movements) {
                outstanding = outstanding.add(m.delta);
            }
            return outstanding;
        }

        /** Principal outstanding at the end of {@code day}: what was settled that day already counts. */
        BigDecimal principalOutstandingOn(LocalDate day) {
            BigDecimal outstanding = amount;
            for (Movement m : movements) {
                if (!m.date.isAfter(day)) {
                    outstanding = outstanding.add(m.delta);
                }
            }
            return outstanding;
        }

        boolean reopenedAfter(LocalDate day) {
            return movements.stream().anyMatch(m -> m.delta.signum() > 0 && m.date.isAfter(day));
        }

        BigDecimal lateFeeOutstanding() {
            return lateFeeCharged.subtract(lateFeeSettled);
        }

        BigDecimal outstanding(ChargePart part) {
            return part == ChargePart.PRINCIPAL ? principalOutstanding() : lateFeeOutstanding();
        }

        void settle(ChargePart part, BigDecimal amount, LocalDate on) {
            if (part == ChargePart.PRINCIPAL) {
                movements.add(new Movement(on, amount.negate()));
            } else {
                lateFeeSettled = lateFeeSettled.add(amount);
            }
        }

        void reopen(ChargePart part, BigDecimal amount, LocalDate on) {
            if (part == ChargePart.PRINCIPAL) {
                movements.add(new Movement(on, amount));
            } else {
                lateFeeSettled = lateFeeSettled.subtract(amount);
            }
        }
    }

    static final class Movement {
        LocalDate date;
        BigDecimal delta;

        @Override
        public boolean equals(Object o) {
            return o instanceof Movement that && Objects.equals(date, that.date) && Objects.equals(delta, that.delta);
        }

        @Override
        public int hashCode() {
            return Objects.hash(date, delta);
        }

        Movement() {
        }

        Movement(LocalDate date, BigDecimal delta) {
            this.date = date;
            this.delta = delta;
        }
    }

    static final class Settlement {
        String chargeId;
        ChargePart part;
        BigDecimal amount;

        @Override
        public boolean equals(Object o) {
            return o instanceof Settlement that && Objects.equals(chargeId, that.chargeId) && Objects.equals(part, that.part) && Objects.equals(amount, that.amount);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chargeId, part, amount);
        }

        Settlement() {
        }

        Settlement(String chargeId, ChargePart part, BigDecimal amount) {
            this.chargeId = chargeId;
            this.part = part;
            this.amount = amount;
        }
    }

    static final class Payment {
        String paymentId;
        BigDecimal amount;
        /** Where the payment went: directly, or through its credit applied to later charges. */
        List<Settlement> settlements = new ArrayList<>();
        BigDecimal creditLeft = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        boolean reversed;

        @Override
        public boolean equals(Object o) {
            return o instanceof Payment that && Objects.equals(paymentId, that.paymentId) && Objects.equals(amount, that.amount) && Objects.equals(settlements, that.settlements) && Objects.equals(creditLeft, that.creditLeft) && Objects.equals(refunded, that.refunded) && Objects.equals(reversed, that.reversed);
        }

        @Override
        public int hashCode() {
            return Objects.hash(paymentId, amount, settlements, creditLeft, refunded, reversed);
        }
    }

    static final class Waiver {
        String waiverId;
        String chargeId;
        ChargePart part;
        BigDecimal amount;
        String requestedBy;
        boolean pending = true;

        @Override
        public boolean equals(Object o) {
            return o instanceof Waiver that && Objects.equals(waiverId, that.waiverId) && Objects.equals(chargeId, that.chargeId) && Objects.equals(part, that.part) && Objects.equals(amount, that.amount) && Objects.equals(requestedBy, that.requestedBy) && Objects.equals(pending, that.pending);
        }

        @Override
        public int hashCode() {
            return Objects.hash(waiverId, chargeId, part, amount, requestedBy, pending);
        }
    }

    static final class Refund {
        String refundId;
        BigDecimal amount;
        String requestedBy;
        boolean pending = true;

        @Override
        public boolean equals(Object o) {
            return o instanceof Refund that && Objects.equals(refundId, that.refundId) && Objects.equals(amount, that.amount) && Objects.equals(requestedBy, that.requestedBy) && Objects.equals(pending, that.pending);
        }

        @Override
        public int hashCode() {
            return Objects.hash(refundId, amount, requestedBy, pending);
        }
    }

    // ---------------------------------------------------------------- questions

    Money balance() {
        return money(balance);
    }

    Money credit() {
        BigDecimal credit = BigDecimal.ZERO;
        for (Payment p : payments.values()) {
            credit = credit.add(p.creditLeft);
        }
        return money(credit);
    }

    Money outstanding() {
        BigDecimal total = BigDecimal.ZERO;
        for (Charge c : charges.values()) {
            total = total.add(c.principalOutstanding()).add(c.lateFeeOutstanding());
        }
        return money(total);
    }

    boolean hasCharge(String chargeId) {
        return charges.containsKey(chargeId);
    }

    Optional<Charge> charge(String chargeId) {
        return Optional.ofNullable(charges.get(chargeId));
    }

    boolean hasPayment(String paymentId) {
        return payments.containsKey(paymentId);
    }

    Optional<Payment> payment(String paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }

    boolean hasReceipt(String receiptNumber) {
        return receiptNumbers.contains(receiptNumber);
    }

    Optional<Waiver> waiver(String waiverId) {
        return Optional.ofNullable(waivers.get(waiverId));
    }

    Optional<Refund> refund(String refundId) {
        return Optional.ofNullable(refunds.get(refundId));
    }

    /** Outstanding on a charge part less what pending waivers of it already ask for. */
    BigDecimal waivable(Charge charge, ChargePart part) {
        BigDecimal pending = BigDecimal.ZERO;
        for (Waiver w : waivers.values()) {
            if (w.pending && w.chargeId.equals(charge.chargeId) && w.part == part) {
                pending = pending.add(w.amount);
            }
        }
        return charge.outstanding(part).subtract(pending);
    }

    /** Credit not yet asked for by pending refunds. */
    BigDecimal refundable() {
        BigDecimal pending = BigDecimal.ZERO;
        for (Refund r : refunds.values()) {
            if (r.pending) {
                pending = pending.add(r.amount);
            }
        }
        return credit().amount().subtract(pending);
    }

    // ---------------------------------------------------------------- decisions (pure)

    /**
     * Where a payment goes: first to the named charges in the order named, then to every other open charge
     * oldest first (by due date, then item order, then posting), each charge's principal before its late fee.
     * Only what is left then becomes credit, so credit and open charges never stand side by side.
     */
    List<Allocation> allocate(BigDecimal amount, List<String> named) {
        List<Charge> order = new ArrayList<>(named.stream().map(charges::get).toList());
        openChargesOldestFirst().stream().filter(c -> !named.contains(c.chargeId)).forEach(order::add);
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (Charge charge : order) {
            for (ChargePart part : ChargePart.values()) {
                BigDecimal take = left.min(charge.outstanding(part));
                if (take.signum() > 0) {
                    allocations.add(new Allocation(new ChargeId(charge.chargeId), part, money(take)));
                    left = left.subtract(take);
                }
            }
        }
        return allocations;
    }

    /** Credit to put on a new charge of {@code amount}, oldest payment first. */
    List<CreditSource> creditFor(BigDecimal amount) {
        List<CreditSource> sources = new ArrayList<>();
        BigDecimal left = amount;
        for (Payment p : payments.values()) {
            BigDecimal take = left.min(p.creditLeft);
            if (take.signum() > 0) {
                sources.add(new CreditSource(new PaymentId(p.paymentId), money(take)));
                left = left.subtract(take);
            }
        }
        return sources;
    }

    /** Everything a payment settled, directly or through its credit: what its reversal re-opens. */
    List<Allocation> settledBy(Payment payment) {
        Map<String, BigDecimal> merged = new LinkedHashMap<>();
        for (Settlement s : payment.settlements) {
            merged.merge(s.chargeId + "|" + s.part, s.amount, BigDecimal::add);
        }
        List<Allocation> reopened = new ArrayList<>();
        merged.forEach((key, amount) -> {
            String[] parts = key.split("\\|");
            if (amount.signum() > 0) {
                reopened.add(new Allocation(new ChargeId(parts[0]), ChargePart.valueOf(parts[1]), money(amount)));
            }
        });
        return reopened;
    }

    /** The outcome of assessing arrears up to a day. */
    record Assessment(List<Notice> notices, List<LateFeeLine> lines) {
        boolean isEmpty() {
            return notices.isEmpty() && lines.isEmpty();
        }
    }

    /** A charge became overdue ({@code daysOverdue} 1) or reached a reminder mark (30, 60, 90). */
    record Notice(String chargeId, LocalDate dueDate, int daysOverdue, BigDecimal outstanding, LocalDate day) {
    }

    /**
     * Day by day from each charge's last assessed day to {@code asOf}: the overdue notice and reminders, and
     * the late fee on the principal outstanding at the end of each day past the grace days, capped.
     *
     * <p>A charge already assessed through {@code asOf} or later is left as it is: a repeated or backdated run
     * changes nothing. A settlement since dated on days already assessed (a payment entered late) waits for the
     * first run for a later day, which recomputes the charge from its first overdue day through that day; a
     * recomputation through an earlier day would charge a correction against fewer days than were charged.
     */
    Assessment assess(LocalDate asOf, LateFeeTerms terms) {
        List<Notice> notices = new ArrayList<>();
        List<LateFeeLine> lines = new ArrayList<>();
        for (Charge charge : charges.values()) {
            if (charge.assessedThrough != null && !asOf.isAfter(charge.assessedThrough)) {
                continue;
            }
            LocalDate firstDay = charge.dueDate.plusDays(1);
            boolean backdated = settledOnAssessedDays(charge);
            LocalDate start = firstDay;
            if (!backdated && charge.assessedThrough != null && !charge.assessedThrough.isBefore(firstDay)) {
                start = charge.assessedThrough.plusDays(1);
            }
            if (start.isAfter(asOf) || !backdated
                    && charge.principalOutstandingOn(start).signum() <= 0 && !charge.reopenedAfter(start)) {
                releaseHeldLateFee(charge).ifPresent(lines::add);
                continue;
            }
            BigDecimal cap = charge.amount.multiply(terms.capRatio());
            // a settlement dated on days already assessed: the late fee is computed again from the first day
            BigDecimal exact = backdated ? BigDecimal.ZERO : charge.lateFeeExact;
            boolean noticed = charge.overdueNoticed;
            int reminder = charge.lastReminder;
            for (LocalDate day = start; !day.isAfter(asOf); day = day.plusDays(1)) {
                BigDecimal base = charge.principalOutstandingOn(day);
                if (base.signum() <= 0) {
                    continue;
                }
                int daysOverdue = (int) (day.toEpochDay() - charge.dueDate.toEpochDay());
                if (!noticed) {
                    notices.add(new Notice(charge.chargeId, charge.dueDate, 1, base, day));
                    noticed = true;
                }
                for (int mark : REMINDER_DAYS) {
                    if (daysOverdue >= mark && reminder < mark) {
                        notices.add(new Notice(charge.chargeId, charge.dueDate, mark, base, day));
                        reminder = mark;
                    }
                }
                if (daysOverdue > terms.graceDays()) {
                    exact = exact.add(base.multiply(terms.dailyRate())).min(cap);
                }
            }
            BigDecimal chargedTotal = chargedTotal(exact, charge);
            if (exact.compareTo(charge.lateFeeExact) != 0 || chargedTotal.compareTo(charge.lateFeeCharged) != 0) {
                lines.add(new LateFeeLine(new ChargeId(charge.chargeId), exact,
                        money(chargedTotal.subtract(charge.lateFeeCharged))));
            }
        }
        return new Assessment(notices, lines);
    }

    /**
     * What a charge's late fee should stand at: the rounded exact total, but never below what was already paid
     * or waived on it (a correction does not take back settled money).
     */
    private BigDecimal chargedTotal(BigDecimal exact, Charge charge) {
        return exact.setScale(scale(), RoundingMode.HALF_EVEN).max(charge.lateFeeSettled);
    }

    /**
     * What a reversal that re-opened these late fees releases: a late fee held up at what was settled on it (see
     * {@link #chargedTotal}) comes down to its rounded exact total, or to what is still settled on it, in the same
     * decision as the reversal. Asked after the reversal is applied.
     */
    List<LateFeeLine> lateFeesReleasedBy(List<Allocation> reopened) {
        List<LateFeeLine> lines = new ArrayList<>();
        reopened.stream().filter(a -> a.part() == ChargePart.LATE_FEE).map(a -> a.chargeId().value()).distinct()
                .forEach(chargeId -> releaseHeldLateFee(charges.get(chargeId)).ifPresent(lines::add));
        return lines;
    }

    /**
     * The day through which the whole account stands assessed: every charge due before it has been assessed through
     * it at least. A late-fee line outside an arrears run (a release) is dated so, so that recording it marks no
     * day of any charge as assessed that no run has assessed.
     */
    LocalDate assessedThrough() {
        LocalDate through = null;
        for (Charge charge : charges.values()) {
            LocalDate covered = charge.assessedThrough == null || charge.assessedThrough.isBefore(charge.dueDate)
                    ? charge.dueDate : charge.assessedThrough;
            if (through == null || covered.isBefore(through)) {
                through = covered;
            }
        }
        return through;
    }

    /**
     * A late fee held up at what was settled on it comes down when that settlement is reversed. The reversal
     * releases it ({@link #lateFeesReleasedBy}); an arrears run still releases one that a reversal recorded before
     * reversals did so left held (event streams already stored).
     */
    private Optional<LateFeeLine> releaseHeldLateFee(Charge charge) {
        BigDecimal target = chargedTotal(charge.lateFeeExact, charge);
        if (target.compareTo(charge.lateFeeCharged) == 0) {
            return Optional.empty();
        }
        return Optional.of(new LateFeeLine(new ChargeId(charge.chargeId), charge.lateFeeExact,
                money(target.subtract(charge.lateFeeCharged))));
    }

    /** Whether a settlement made since the last assessment is dated on a day that assessment already counted. */
    private static boolean settledOnAssessedDays(Charge charge) {
        if (charge.assessedThrough == null) {
            return false;
        }
        for (int i = charge.movementsAssessed; i < charge.movements.size(); i++) {
            if (!charge.movements.get(i).date.isAfter(charge.assessedThrough)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Prepaid credit settles what is open, oldest first (principal before late fee), oldest credit first: what
     * to apply after anything new became open (a charge, a late fee, a reversal).
     */
    List<Allocation> creditToApply() {
        return allocate(credit().amount(), List.of());
    }

    // ---------------------------------------------------------------- changes (from events only)

    void charged(String chargeId, String feeItem, int itemOrder, LocalDate dueDate, Money amount) {
        Charge charge = new Charge();
        charge.chargeId = chargeId;
        charge.feeItem = feeItem;
        charge.itemOrder = itemOrder;
        charge.posting = postings++;
        charge.dueDate = dueDate;
        charge.amount = amount.amount();
        charges.put(chargeId, charge);
        balance = balance.add(amount.amount());
    }

    void paymentReceived(String paymentId, Money amount, String receiptNumber) {
        Payment payment = new Payment();
        payment.paymentId = paymentId;
        payment.amount = amount.amount();
        payments.put(paymentId, payment);
        receiptNumbers.add(receiptNumber);
        balance = balance.subtract(amount.amount());
    }

    void paymentAllocated(String paymentId, List<Allocation> allocations, Money toCredit, LocalDate on) {
        Payment payment = payments.get(paymentId);
        for (Allocation a : allocations) {
            charges.get(a.chargeId().value()).settle(a.part(), a.amount().amount(), on);
            payment.settlements.add(new Settlement(a.chargeId().value(), a.part(), a.amount().amount()));
        }
        payment.creditLeft = payment.creditLeft.add(toCredit.amount());
    }

    void creditApplied(String chargeId, ChargePart part, List<CreditSource> sources, LocalDate on) {
        Charge charge = charges.get(chargeId);
        for (CreditSource source : sources) {
            Payment payment = payments.get(source.paymentId().value());
            payment.creditLeft = payment.creditLeft.subtract(source.amount().amount());
            payment.settlements.add(new Settlement(chargeId, part, source.amount().amount()));
            charge.settle(part, source.amount().amount(), on);
        }
    }

    void paymentReversed(String paymentId, List<Allocation> reopened, LocalDate on) {
        Payment payment = payments.get(paymentId);
        for (Allocation a : reopened) {
            charges.get(a.chargeId().value()).reopen(a.part(), a.amount().amount(), on);
        }
        payment.settlements.clear();
        payment.creditLeft = BigDecimal.ZERO;
        payment.reversed = true;
        balance = balance.add(payment.amount);
    }

    void lateFeesAccrued(LocalDate throughDay, List<LateFeeLine> lines) {
        for (LateFeeLine line : lines) {
            Charge charge = charges.get(line.chargeId().value());
            charge.lateFeeExact = line.exactTotal();
            charge.lateFeeCharged = charge.lateFeeCharged.add(line.charged().amount());
            balance = balance.add(line.charged().amount());
        }
        for (Charge charge : charges.values()) {
            if (charge.dueDate.isBefore(throughDay)
                    && (charge.assessedThrough == null || charge.assessedThrough.isBefore(throughDay))) {
                charge.assessedThrough = throughDay;
                charge.movementsAssessed = charge.movements.size();
            }
        }
    }

    void overdueNoticed(String chargeId) {
        charges.get(chargeId).overdueNoticed = true;
    }

    void reminderSent(String chargeId, int daysOverdue) {
        charges.get(chargeId).lastReminder = daysOverdue;
    }

    void waiverRequested(String waiverId, String chargeId, ChargePart part, Money amount, String requestedBy) {
        Waiver waiver = new Waiver();
        waiver.waiverId = waiverId;
        waiver.chargeId = chargeId;
        waiver.part = part;
        waiver.amount = amount.amount();
        waiver.requestedBy = requestedBy;
        waivers.put(waiverId, waiver);
    }

    void waiverApproved(String waiverId, LocalDate on) {
        Waiver waiver = waivers.get(waiverId);
        waiver.pending = false;
        charges.get(waiver.chargeId).settle(waiver.part, waiver.amount, on);
        balance = balance.subtract(waiver.amount);
    }

    void waiverRejected(String waiverId) {
        waivers.get(waiverId).pending = false;
    }

    void refundRequested(String refundId, Money amount, String requestedBy) {
        Refund refund = new Refund();
        refund.refundId = refundId;
        refund.amount = amount.amount();
        refund.requestedBy = requestedBy;
        refunds.put(refundId, refund);
    }

    void refundApproved(String refundId, List<CreditSource> sources) {
        Refund refund = refunds.get(refundId);
        refund.pending = false;
        for (CreditSource source : sources) {
            Payment payment = payments.get(source.paymentId().value());
            payment.creditLeft = payment.creditLeft.subtract(source.amount().amount());
            payment.refunded = payment.refunded.add(source.amount().amount());
        }
        balance = balance.add(refund.amount);
    }

    void refundRejected(String refundId) {
        refunds.get(refundId).pending = false;
    }

    // ---------------------------------------------------------------- helpers

    private List<Charge> openChargesOldestFirst() {
        return charges.values().stream()
                .filter(c -> c.principalOutstanding().signum() > 0 || c.lateFeeOutstanding().signum() > 0)
                .sorted(Comparator.comparing((Charge c) -> c.dueDate).thenComparingInt(c -> c.itemOrder)
                        .thenComparingLong(c -> c.posting))
                .toList();
    }

    Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    private int scale() {
        return currency.getDefaultFractionDigits();
    }
}
