package estate.domain.workorders;

import estate.domain.shared.Checks;
import estate.domain.shared.Identifier;

/**
 * Who does the work: a maintenance staff member (their user id), or a supplier under contract (the contract's id
 * and the supplier's name).
 */
public record Assignee(String staffMember, String contractId, String supplier) {

    public Assignee {
        staffMember = Checks.optionalText(staffMember, "staffMember", 100);
        contractId = contractId == null ? null : Identifier.require(contractId, "contractId");
        supplier = Checks.optionalText(supplier, "supplier", 200);
        if ((staffMember == null) == (contractId == null)) {
            throw new IllegalArgumentException("An assignee is either a staff member or a supplier under contract");
        }
        if ((contractId == null) != (supplier == null)) {
            throw new IllegalArgumentException("A supplier is named together with its contract");
        }
    }

    public static Assignee staff(String staffMember) {
        return new Assignee(Checks.text(staffMember, "staffMember", 100), null, null);
    }

    public static Assignee supplier(String contractId, String supplier) {
        return new Assignee(null, Checks.present(contractId, "contractId"), Checks.text(supplier, "supplier", 200));
    }

    public boolean isStaff() {
        return staffMember != null;
    }

    public String label() {
        return isStaff() ? staffMember : supplier + " (contract " + contractId + ")";
    }
}
