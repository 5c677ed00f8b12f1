package estate.domain.owners;

import estate.domain.estates.UnitId;
import estate.domain.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Value types carried by ledger events. */
public final class LedgerLines {

    private LedgerLines() {
    }

    /** An amount put on one part of one charge. */
    public record Allocation(ChargeId chargeId, ChargePart part, Money amount) {
        public Allocation {
            Objects.requireNonNull(chargeId, "chargeId");
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Prepaid credit taken from one payment. */
    public record CreditSource(PaymentId paymentId, Money amount) {
    }

    /** The late fee of one charge after an assessment: the exact accrued total, and the amount charged now. */
    public record LateFeeLine(ChargeId chargeId, BigDecimal exactTotal, Money charged) {
    }

    /** One line of a bill: a charge the bill run posts, with a deterministic id. */
    public record BillLine(ChargeId chargeId, String feeItem, int itemOrder, Money amount,
                           LocalDate dueDate, UnitId unitId, String description) {
        public BillLine {
            Objects.requireNonNull(chargeId, "chargeId");
            Objects.requireNonNull(feeItem, "feeItem");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(dueDate, "dueDate");
        }
    }
}
