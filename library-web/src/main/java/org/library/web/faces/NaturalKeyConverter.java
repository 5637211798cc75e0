package org.library.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.util.Optional;
import java.util.function.Function;
import org.library.catalog.Isbn;
import org.library.members.MemberNumber;
import org.library.platform.NaturalKey;
import org.library.staff.EmployeeNumber;

/**
 * The pages' door for natural keys: a form field or view parameter of an ISBN, a card number or an
 * employee number is parsed by the key's own parser, the one the API and the CSV import use, and
 * refused beside the field with the same words. Registered in faces-config.xml by the key's class,
 * so a backing bean's property of that type is converted wherever it is bound.
 */
abstract class NaturalKeyConverter<K extends NaturalKey> implements Converter<K> {

    private final Function<String, Optional<K>> parse;
    private final String form;

    NaturalKeyConverter(Function<String, Optional<K>> parse, String form) {
        this.parse = parse;
        this.form = form;
    }

    @Override
    public K getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null; // "required" is the field's to say
        }
        return parse.apply(value).orElseThrow(
                () -> new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, form, form)));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, K value) {
        return value == null ? "" : value.value();
    }

    public static class Isbns extends NaturalKeyConverter<Isbn> {
        public Isbns() {
            super(Isbn::parse, Isbn.FORM);
        }
    }

    public static class MemberNumbers extends NaturalKeyConverter<MemberNumber> {
        public MemberNumbers() {
            super(MemberNumber::parse, MemberNumber.FORM);
        }
    }

    public static class EmployeeNumbers extends NaturalKeyConverter<EmployeeNumber> {
        public EmployeeNumbers() {
            super(EmployeeNumber::parse, EmployeeNumber.FORM);
        }
    }
}
