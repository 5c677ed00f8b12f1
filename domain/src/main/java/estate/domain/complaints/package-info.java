/**
 * Complaints and customer care (投诉与客户关怀): a complaint from receipt through acknowledgement, assignment,
 * investigation and resolution to the return visit (回访) and close, with its rapid-response deadlines, escalations
 * to the estate's manager and the estate's customer-care terms. Meets other contexts only through identifiers and
 * messages: a work order is requested by id and opened by a process manager outside the domain.
 */
package estate.domain.complaints;
