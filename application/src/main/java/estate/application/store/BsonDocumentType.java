package estate.application.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

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
        ByteBuf bytes = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bytes);
            buffer.put(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
        } finally {
            bytes.release();
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
