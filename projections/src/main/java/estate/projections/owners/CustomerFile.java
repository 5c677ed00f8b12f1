package estate.projections.owners;

import java.util.List;

/** The customer file of one account: its timeline and the concerns still open. */
public record CustomerFile(String accountId, List<CustomerFileEntry> timeline, List<String> openConcerns) {
}
