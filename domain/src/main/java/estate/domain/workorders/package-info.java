/**
 * Work orders (工单): repairs reported by owners or staff and inspection rounds (巡检) generated from plans, from
 * report to the reporter's rating, with their SLA deadlines, escalations, costs and paid-repair charges; the
 * estate's maintenance policy (SLA targets per priority, hold and reopen rules, budget); inspection plans.
 * Meets other contexts only through identifiers and messages.
 */
package estate.domain.workorders;
