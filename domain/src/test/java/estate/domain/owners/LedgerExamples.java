package estate.domain.owners;

import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.LedgerLines.CreditSource;
import estate.domain.owners.LedgerLines.LateFeeLine;
import estate.domain.owners.OwnerAccountCommands.ApproveRefund;
import estate.domain.owners.OwnerAccountCommands.ApproveWaiver;
import estate.domain.owners.OwnerAccountCommands.AssessArrears;
import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.owners.OwnerAccountCommands.RecordPayment;
import estate.domain.owners.OwnerAccountCommands.RequestRefund;
import estate.domain.owners.OwnerAccountCommands.RequestWaiver;
import estate.domain.owners.OwnerAccountCommands.ReversePayment;
import estate.domain.owners.OwnerAccountEvent.ArrearsReminderDue;
import estate.domain.owners.OwnerAccountEvent.ChargeOverdue;
import estate.domain.owners.OwnerAccountEvent.CreditApplied;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.LateFeesAccrued;
import estate.domain.owners.OwnerAccountEvent.PaymentAllocated;
import estate.domain.owners.OwnerAccountEvent.PaymentReceived;
import estate.domain.owners.OwnerAccountEvent.PaymentReversed;
import estate.domain.owners.OwnerAccountEvent.RefundApproved;
import estate.domain.owners.OwnerAccountEvent.RefundRequested;
import estate.domain.owners.OwnerAccountEvent.WaiverApproved;
import estate.domain.owners.OwnerAccountEvent.WaiverRequested;
import estate.domain.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.DEFAULT_ITEM_ORDER;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.cny;

/**
 * Charges, payments, allocations, late fees, waivers and refunds of account A1 (E1, CNY, Asia/Shanghai) for the
 * ledger tests. Amounts are CNY strings; days are the estate's calendar days.
 */
final class LedgerExamples {

    static final String PROPERTY_FEE = "PROPERTY_FEE";
    static final LocalDate NOVEMBER_DUE = LocalDate.of(2026, 11, 15);
    static final LocalDate DECEMBER_DUE = LocalDate.of(2026, 12, 15);
    static final LocalDate JANUARY_DUE = LocalDate.of(2027, 1, 15);
    static final String FINANCE_CLERK = "finance.li";
    static final String MANAGER = "manager.zhao";

    /** Overdue notices and reminders only: no late fee accrues. */
    static final LateFeeTerms NO_LATE_FEE = new LateFeeTerms(0, BigDecimal.ZERO, BigDecimal.ONE);
    /** 0.05 % of the outstanding principal a day from the day after the due date, capped at the principal. */
    static final LateFeeTerms HALF_PER_MILLE_A_DAY = new LateFeeTerms(0, new BigDecimal("0.0005"), BigDecimal.ONE);

    private LedgerExamples() {
    }

    /** Ten in the morning of {@code day} in Shanghai. */
    static Instant morningOf(LocalDate day) {
        return day.atTime(10, 0).atZone(InMemoryUnitRegistry.SHANGHAI).toInstant();
    }

    // ------------------------------------------------------------ commands

    /** A charge of the property fee for the due date's month, with the default item order. */
    static ChargeFee chargeFee(String chargeId, String amount, LocalDate dueDate) {
        return new ChargeFee(ACCOUNT, ChargeId.of(chargeId), PROPERTY_FEE, YearMonth.from(dueDate), cny(amount),
                dueDate, null, null);
    }

    /** A bank transfer received in the morning of {@code day}, receipt {@code R-<paymentId>}. */
    static RecordPayment pay(String paymentId, String amount, LocalDate day, String... allocateTo) {
        return new RecordPayment(ACCOUNT, PaymentId.of(paymentId), cny(amount), PaymentChannel.BANK_TRANSFER,
                "R-" + paymentId, morningOf(day), Arrays.stream(allocateTo).map(ChargeId::of).toList());
    }

    static ReversePayment reverse(String paymentId, LocalDate day) {
        return new ReversePayment(ACCOUNT, PaymentId.of(paymentId), "Bounced", day);
    }

    static AssessArrears assess(LocalDate asOf, LateFeeTerms terms) {
        return new AssessArrears(ACCOUNT, asOf, terms);
    }

    static RequestWaiver requestWaiver(String waiverId, String chargeId, ChargePart part, String amount) {
        return new RequestWaiver(ACCOUNT, WaiverId.of(waiverId), ChargeId.of(chargeId), part, cny(amount),
                "Lift out of service for two weeks", FINANCE_CLERK);
    }

    static ApproveWaiver approveWaiver(String waiverId, String approvedBy, LocalDate on) {
        return new ApproveWaiver(ACCOUNT, WaiverId.of(waiverId), approvedBy, on);
    }

    static RequestRefund requestRefund(String refundId, String amount) {
        return new RequestRefund(ACCOUNT, RefundId.of(refundId), cny(amount), "Paid twice by mistake", FINANCE_CLERK);
    }

    static ApproveRefund approveRefund(String refundId, String approvedBy, LocalDate on) {
        return new ApproveRefund(ACCOUNT, RefundId.of(refundId), approvedBy, on);
    }

    // ------------------------------------------------------------ events

    /** What {@link #chargeFee} records. */
    static FeeCharged charged(String chargeId, String amount, LocalDate dueDate) {
        return charged(chargeId, PROPERTY_FEE, DEFAULT_ITEM_ORDER, amount, dueDate);
    }

    static FeeCharged charged(String chargeId, String feeItem, int itemOrder, String amount, LocalDate dueDate) {
        return new FeeCharged(ACCOUNT, ESTATE, ChargeId.of(chargeId), feeItem, YearMonth.from(dueDate), cny(amount),
                dueDate, null, null, itemOrder);
    }

    /** What {@link #pay} records first. */
    static PaymentReceived received(String paymentId, String amount, LocalDate day) {
        return new PaymentReceived(ACCOUNT, ESTATE, PaymentId.of(paymentId), cny(amount), PaymentChannel.BANK_TRANSFER,
                "R-" + paymentId, morningOf(day));
    }

    static PaymentAllocated allocated(String paymentId, String toCredit, LocalDate on, Allocation... allocations) {
        return new PaymentAllocated(ACCOUNT, ESTATE, PaymentId.of(paymentId), List.of(allocations), cny(toCredit),
                on);
    }

    static Allocation principal(String chargeId, String amount) {
        return new Allocation(ChargeId.of(chargeId), ChargePart.PRINCIPAL, cny(amount));
    }

    static Allocation lateFee(String chargeId, String amount) {
        return new Allocation(ChargeId.of(chargeId), ChargePart.LATE_FEE, cny(amount));
    }

    /** Prepaid credit settled (part of) a charge's principal. */
    static CreditApplied creditApplied(String chargeId, String amount, LocalDate on, CreditSource... sources) {
        return creditApplied(chargeId, ChargePart.PRINCIPAL, amount, on, sources);
    }

    static CreditApplied creditApplied(String chargeId, ChargePart part, String amount, LocalDate on,
                                       CreditSource... sources) {
        return new CreditApplied(ACCOUNT, ESTATE, ChargeId.of(chargeId), part, cny(amount), List.of(sources), on);
    }

    static CreditSource from(String paymentId, String amount) {
        return new CreditSource(PaymentId.of(paymentId), cny(amount));
    }

    static PaymentReversed reversed(String paymentId, String amount, String creditRemoved, LocalDate on,
                                    Allocation... reopened) {
        return new PaymentReversed(ACCOUNT, ESTATE, PaymentId.of(paymentId), cny(amount), List.of(reopened),
                cny(creditRemoved), on, "Bounced");
    }

    static ChargeOverdue overdue(String chargeId, LocalDate dueDate, String outstanding, LocalDate day) {
        return new ChargeOverdue(ACCOUNT, ESTATE, ChargeId.of(chargeId), dueDate, cny(outstanding), day);
    }

    static ArrearsReminderDue reminder(String chargeId, LocalDate dueDate, int daysOverdue, String outstanding,
                                       LocalDate day) {
        return new ArrearsReminderDue(ACCOUNT, ESTATE, ChargeId.of(chargeId), dueDate, daysOverdue, cny(outstanding),
                day);
    }

    /**
     * @param exactTotal the exact running total with the scale the ledger keeps it at (principal scale 2 ×
     *                   rate scale 4 = 6 decimals, or the cap's scale once capped)
     */
    static LateFeeLine feeLine(String chargeId, String exactTotal, String charged) {
        return new LateFeeLine(ChargeId.of(chargeId), new BigDecimal(exactTotal), cny(charged));
    }

    static LateFeesAccrued lateFeesAccrued(LocalDate throughDay, LateFeeLine... lines) {
        Money total = Arrays.stream(lines).map(LateFeeLine::charged).reduce(cny("0"), Money::plus);
        return new LateFeesAccrued(ACCOUNT, ESTATE, throughDay, List.of(lines), total);
    }

    static WaiverRequested waiverRequested(String waiverId, String chargeId, ChargePart part, String amount) {
        return new WaiverRequested(ACCOUNT, ESTATE, WaiverId.of(waiverId), ChargeId.of(chargeId), part, cny(amount),
                "Lift out of service for two weeks", FINANCE_CLERK);
    }

    static WaiverApproved waiverApproved(String waiverId, String chargeId, ChargePart part, String amount,
                                         LocalDate on) {
        return new WaiverApproved(ACCOUNT, ESTATE, WaiverId.of(waiverId), ChargeId.of(chargeId), part, cny(amount),
                MANAGER, on);
    }

    static RefundRequested refundRequested(String refundId, String amount) {
        return new RefundRequested(ACCOUNT, ESTATE, RefundId.of(refundId), cny(amount), "Paid twice by mistake",
                FINANCE_CLERK);
    }

    static RefundApproved refundApproved(String refundId, String amount, LocalDate on, CreditSource... sources) {
        return new RefundApproved(ACCOUNT, ESTATE, RefundId.of(refundId), cny(amount), List.of(sources), MANAGER, on);
    }
}
