package estate.application.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import estate.domain.shared.Identifier;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * The JSON form of events, commands, queries and snapshots: the permanent record's format. Identifiers are
 * plain strings, dates ISO-8601, amounts plain decimals. Aggregates are read and written by their fields
 * (for snapshots), records by their components; nothing is derived from is-/get-methods.
 */
public final class EstateJson {

    private EstateJson() {
    }

    public static ObjectMapper messageMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(identifiers());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, Visibility.ANY);
        return mapper;
    }

    private static SimpleModule identifiers() {
        SimpleModule module = new SimpleModule("estate-identifiers") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(new Deserializers.Base() {
                    @Override
                    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                                    BeanDescription beanDesc) {
                        Class<?> raw = type.getRawClass();
                        return Identifier.class.isAssignableFrom(raw) && raw.isRecord()
                                ? new IdentifierDeserializer(raw) : null;
                    }
                });
            }
        };
        module.addSerializer(Identifier.class, new StdSerializer<>(Identifier.class) {
            @Override
            public void serialize(Identifier value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(value.value());
            }
        });
        return module;
    }

    /** Reads an identifier record from its raw string through its canonical constructor (which checks shape). */
    private static final class IdentifierDeserializer extends StdDeserializer<Object> {
        private final Constructor<?> constructor;

        IdentifierDeserializer(Class<?> type) {
            super(type);
            try {
                this.constructor = type.getDeclaredConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " must have a (String) constructor", e);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = parser.getValueAsString();
            try {
                return constructor.newInstance(value);
            } catch (InvocationTargetException e) {
                return context.handleWeirdStringValue(handledType(), value, e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
