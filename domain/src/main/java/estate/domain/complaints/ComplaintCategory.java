package estate.domain.complaints;

/** What a complaint is about. */
public enum ComplaintCategory {
    SERVICE_ATTITUDE, CLEANLINESS, SECURITY, NOISE, FACILITIES, FEES, PARKING, NEIGHBOURS, OTHER
}
