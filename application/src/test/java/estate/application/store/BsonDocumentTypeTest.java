package estate.application.store;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The read store's documents on disk: the bytes mongo-java-server's own BSON encoder writes, read back as its decoder does. */
class BsonDocumentTypeTest {

    @Test
    void writesTheServersBsonByteForByteAndReadsItBack() {
        Document line = new Document("due", Instant.parse("2026-11-01T00:00:00Z"))
                .append("amount", new Decimal128(new BigDecimal("310.80")))
                .append("open", new Decimal128(new BigDecimal("-0.01")));
        List<Object> many = new ArrayList<>(IntStream.range(0, 1_100).boxed().toList()); // past the cached index keys
        Document document = new Document("_id", "acc-1:2026-11")
                .append("estateId", "东方花园") // not ASCII
                .append("lastSequence", 9_000_000_000L)
                .append("count", 7)
                .append("share", 0.25)
                .append("closed", false)
                .append("settled", true)
                .append("note", null)
                .append("lines", List.of(line, line, "x", List.of(1, 2)))
                .append("empty", new Document())
                .append("many", many)
                .append("oid", new ObjectId())
                .append("uuid", UUID.fromString("8d1f3c4e-0d0a-4c4b-9a5f-0d2b8f1e7a11")); // by the server's encoder

        ByteBuf expected = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, expected);
        WriteBuffer written = new WriteBuffer(16);
        BsonDocumentType.INSTANCE.write(written, document);
        ByteBuffer bytes = written.getBuffer().flip();
        byte[] actual = new byte[bytes.remaining()];
        bytes.duplicate().get(actual);

        assertThat(actual).isEqualTo(ByteBufUtil.getBytes(expected));
        Document read = BsonDocumentType.INSTANCE.read(bytes);
        assertThat(read).isEqualTo(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(actual)));
        assertThat(read.get("lines")).isEqualTo(document.get("lines"));
        assertThat(read.get("estateId")).isEqualTo("东方花园");
        assertThat(read.get("many")).isEqualTo(many);
        assertThat(bytes.remaining()).as("read exactly its own bytes").isZero();
        assertThat(Arrays.copyOf(actual, 4)).as("length prefix, little-endian")
                .isEqualTo(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(actual.length).array());
    }
}
