package estate.domain.complaints;

import estate.domain.shared.Checks;

/** Who handles a complaint: a customer-service staff member (their user id) or a responsible team (its name). */
public record Handler(String staffMember, String team) {

    public Handler {
        staffMember = Checks.optionalText(staffMember, "staffMember", 100);
        team = Checks.optionalText(team, "team", 100);
        if ((staffMember == null) == (team == null)) {
            throw new IllegalArgumentException("A handler is either a staff member or a team");
        }
    }

    public static Handler staff(String staffMember) {
        return new Handler(Checks.text(staffMember, "staffMember", 100), null);
    }

    public static Handler team(String team) {
        return new Handler(null, Checks.text(team, "team", 100));
    }

    public String label() {
        return staffMember != null ? staffMember : "team " + team;
    }
}
