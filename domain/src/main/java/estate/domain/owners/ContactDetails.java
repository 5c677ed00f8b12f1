package estate.domain.owners;

import estate.domain.shared.Checks;

import java.util.regex.Pattern;

/** How to reach the account holder. The phone is required; e-mail is optional. */
public record ContactDetails(String name, String phone, String email) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ContactDetails {
        name = Checks.text(name, "name", 100);
        phone = Checks.text(phone, "phone", 20);
        if (!PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone must be digits, spaces or '-', optionally starting with '+'");
        }
        email = Checks.optionalText(email, "email", 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email is not an e-mail address");
        }
    }
}
