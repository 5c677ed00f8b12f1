package estate.api.support;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/** The body of a 201: the id of what was created; its URL is in {@code Location}. */
public record Created(String id) {

    public static ResponseEntity<Created> at(String location, String id) {
        return ResponseEntity.created(URI.create(location)).body(new Created(id));
    }
}
