package estate.application.store;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How the persistent read store keeps a document on disk: as BSON, the same bytes the wire protocol carries.
 * The H2 backend's default would be Java serialization of every document (several times larger, and slower
 * both ways).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    /** A rough heap size, which MVStore uses to size pages and its cache; it need not be exact. */
    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + 2 * entry.getKey().toString().length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return 40 + 2 * text.length();
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        writeDocument(buffer, document);
    }

    /**
     * The document as BSON, byte for byte what mongo-java-server's {@link BsonEncoder} writes (the decoder reads it
     * back), but straight into MVStore's buffer: the values read models hold are written here, anything rarer by
     * the server's encoder.
     */
    static void writeDocument(WriteBuffer out, Map<String, ?> document) {
        int start = out.position();
        out.putInt(0); // the length, written when known
        for (Map.Entry<String, ?> field : document.entrySet()) {
            writeElement(out, field.getKey(), field.getValue());
        }
        out.put(BsonConstants.TERMINATING_BYTE);
        out.putInt(start, Integer.reverseBytes(out.position() - start));
    }

    private static void writeArray(WriteBuffer out, Collection<?> values) {
        int start = out.position();
        out.putInt(0);
        int index = 0;
        for (Object value : values) {
            writeElement(out, index < INDEX_KEYS.length ? INDEX_KEYS[index] : String.valueOf(index), value);
            index++;
        }
        out.put(BsonConstants.TERMINATING_BYTE);
        out.putInt(start, Integer.reverseBytes(out.position() - start));
    }

    private static final String[] INDEX_KEYS = IntStream.range(0, 1_024).mapToObj(String::valueOf)
            .toArray(String[]::new);

    private static void writeElement(WriteBuffer out, String key, Object value) {
        byte type = BsonEncoder.determineType(value);
        out.put(type);
        out.put(key.getBytes(StandardCharsets.UTF_8)).put(BsonConstants.STRING_TERMINATION);
        switch (type) {
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> writeDocument(out, (Map<String, ?>) value);
            case BsonConstants.TYPE_ARRAY -> writeArray(out, (Collection<?>) value);
            case BsonConstants.TYPE_UTF8_STRING -> {
                byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
                out.putInt(Integer.reverseBytes(bytes.length + 1)).put(bytes).put(BsonConstants.STRING_TERMINATION);
            }
            case BsonConstants.TYPE_INT32 -> out.putInt(Integer.reverseBytes((Integer) value));
            case BsonConstants.TYPE_INT64 -> out.putLong(Long.reverseBytes((Long) value));
            case BsonConstants.TYPE_DOUBLE -> out.putLong(Long.reverseBytes(Double.doubleToRawLongBits((Double) value)));
            case BsonConstants.TYPE_BOOLEAN -> out.put((Boolean) value ? BsonConstants.BOOLEAN_VALUE_TRUE
                    : BsonConstants.BOOLEAN_VALUE_FALSE);
            case BsonConstants.TYPE_UTC_DATETIME -> out.putLong(Long.reverseBytes(((Instant) value).toEpochMilli()));
            case BsonConstants.TYPE_DECIMAL128 -> {
                Decimal128 decimal = (Decimal128) value;
                out.putLong(Long.reverseBytes(decimal.getLow())).putLong(Long.reverseBytes(decimal.getHigh()));
            }
            case BsonConstants.TYPE_NULL -> {
                // no bytes
            }
            default -> {
                ByteBuf bytes = Unpooled.buffer(64);
                try {
                    BsonEncoder.encodeValue(type, value, bytes);
                    out.put(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
                } finally {
                    bytes.release();
                }
            }
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = Integer.reverseBytes(buffer.getInt(buffer.position())); // BSON starts with its length, LE
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
