package org.library.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.library.catalog.Isbn;
import org.library.members.MemberNumber;
import org.library.platform.EmailAddress;
import org.library.platform.FieldViolation;
import org.library.platform.InvalidInputException;
import org.library.platform.NaturalKey;
import org.library.staff.EmployeeNumber;

/**
 * The API's door for natural keys: a request's ISBN, card number, employee number or e-mail address is a JSON
 * string, bound to its key type by the key's own parser (the one the pages and the CSV import use).
 * {@link JsonShapes} asks {@link #refusal} first, so a key that is not one comes back as a 400 naming
 * the field with the key's own words, and binding never meets an unparseable one.
 */
@Provider
public class NaturalKeyJson implements ContextResolver<Jsonb> {

    private record Kind<K extends NaturalKey>(Function<String, Optional<K>> parse, String form) {
    }

    private static final Map<Class<?>, Kind<?>> KINDS = Map.of(
            Isbn.class, new Kind<>(Isbn::parse, Isbn.FORM),
            MemberNumber.class, new Kind<>(MemberNumber::parse, MemberNumber.FORM),
            EmployeeNumber.class, new Kind<>(EmployeeNumber::parse, EmployeeNumber.FORM),
            EmailAddress.class, new Kind<>(EmailAddress::parse, EmailAddress.FORM));

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withAdapters(
            new Isbns(), new MemberNumbers(), new EmployeeNumbers(), new EmailAddresses()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    static boolean isKey(Class<?> type) {
        return KINDS.containsKey(type);
    }

    /** Why {@code text} is no key of {@code type}, if it is not. */
    static Optional<String> refusal(Class<?> type, String text) {
        Kind<?> kind = KINDS.get(type);
        return kind.parse().apply(text).isPresent() ? Optional.empty() : Optional.of(kind.form());
    }

    /**
     * A natural key in a path ({@code …/by-isbn/{isbn}}), parsed by the key's own parser as in a
     * body: any form the key accepts names the one record.
     *
     * @throws InvalidInputException naming {@code parameter} with the key's own words when it is none
     */
    static <K extends NaturalKey> K pathKey(String parameter, String text, Class<K> type) {
        Kind<?> kind = KINDS.get(type);
        return type.cast(kind.parse().apply(text).orElseThrow(() ->
                new InvalidInputException(List.of(new FieldViolation(parameter, kind.form())))));
    }

    /*
     * One adapter class per key type (below): JSON-B learns the types an adapter converts from its
     * class's generic interface, which a generic class alone would leave as a type variable.
     */
    private abstract static class Adapter<K extends NaturalKey> implements JsonbAdapter<K, String> {

        private final Class<K> type;

        Adapter(Class<K> type) {
            this.type = type;
        }

        @Override
        public String adaptToJson(K key) {
            return key.value();
        }

        @Override
        public K adaptFromJson(String text) {
            return type.cast(KINDS.get(type).parse().apply(text)
                    .orElseThrow(() -> new IllegalArgumentException(KINDS.get(type).form())));
        }
    }

    private static final class Isbns extends Adapter<Isbn> implements JsonbAdapter<Isbn, String> {
        Isbns() {
            super(Isbn.class);
        }
    }

    private static final class MemberNumbers extends Adapter<MemberNumber> implements JsonbAdapter<MemberNumber, String> {
        MemberNumbers() {
            super(MemberNumber.class);
        }
    }

    private static final class EmployeeNumbers extends Adapter<EmployeeNumber> implements JsonbAdapter<EmployeeNumber, String> {
        EmployeeNumbers() {
            super(EmployeeNumber.class);
        }
    }

    private static final class EmailAddresses extends Adapter<EmailAddress> implements JsonbAdapter<EmailAddress, String> {
        EmailAddresses() {
            super(EmailAddress.class);
        }
    }
}
