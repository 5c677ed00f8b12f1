/** Value types and errors shared by every context: money, identifiers, rule violations. */
package estate.domain.shared;
