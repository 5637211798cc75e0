package org.library.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.library.platform.EmailAddress;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.NaturalKey;
import org.library.staff.EmployeeNumber;
import org.library.staff.Librarian;
import org.library.staff.LibrarianData;
import org.library.staff.StaffService;

/** Adds a librarian ({@code librarian-edit.xhtml}) or changes one ({@code ?id=1}). */
@Named
@ViewScoped
public class LibrarianEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StaffService staff;

    @Inject
    private Inputs inputs;

    private Long id;
    private Long version;
    private String employeeNumber;
    private String name;
    private String email;

    public void load() {
        if (id != null) {
            Librarian librarian = staff.librarian(id);
            version = librarian.getVersion();
            employeeNumber = librarian.getEmployeeNumber();
            name = librarian.getName();
            email = librarian.getEmail();
        }
    }

    public String save() {
        List<FieldViolation> refused = new ArrayList<>();
        LibrarianData data = new LibrarianData(
                NaturalKey.parse("employeeNumber", employeeNumber, EmployeeNumber::parse, EmployeeNumber.FORM, refused), name,
                NaturalKey.parse("email", email, EmailAddress::parse, EmailAddress.FORM, refused));
        inputs.refuseWithTheRest(refused, data);
        Librarian saved = isCreating() ? staff.create(data, null) : staff.update(id, version, data);
        Messages.flash(saved.getName() + (isCreating() ? " was added to the staff." : " was saved."));
        return Messages.redirect("librarian", saved.getId());
    }

    public boolean isCreating() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
