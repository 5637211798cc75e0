package org.library.staff;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.library.platform.EmailAddress;
import org.library.platform.Limits;
import org.library.changes.RecordType;
import org.library.changes.Recorded;

/**
 * A member of staff. Inverse side of Librarian 1:1 Profile: {@code profiles.librarian_id} holds
 * the foreign key (NOT NULL, UNIQUE), this side maps it with {@code mappedBy}.
 *
 * <p>The profile belongs to the librarian: it is persisted, replaced and removed only through
 * this entity ({@code cascade = ALL}, {@code orphanRemoval}), and the database removes it with the
 * librarian too ({@code ON DELETE CASCADE}), so an orphan profile cannot exist.
 */
@Entity
@Table(name = "librarians")
@NamedQuery(name = Librarian.BY_ID_WITH_PROFILE,
        query = "SELECT l FROM Librarian l LEFT JOIN FETCH l.profile WHERE l.id = :id")
public class Librarian implements Serializable, Recorded {

    private static final long serialVersionUID = 1L;

    public static final String BY_ID_WITH_PROFILE = "Librarian.byIdWithProfile";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @Column(name = "employee_number", nullable = false, unique = true, length = 20, updatable = false)
    private String employeeNumber;

    @NotBlank
    @Size(max = Limits.NAME_LENGTH)
    @Column(nullable = false, length = Limits.NAME_LENGTH)
    private String name;

    @NotBlank
    @Size(max = Limits.EMAIL_LENGTH)
    @Column(nullable = false, unique = true, length = Limits.EMAIL_LENGTH)
    private String email;

    @Valid
    @OneToOne(mappedBy = "librarian", fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    private Profile profile;

    @Version
    private long version;

    protected Librarian() {
        // for JPA
    }

    public Librarian(EmployeeNumber employeeNumber, String name, EmailAddress email) {
        this.employeeNumber = employeeNumber.value();
        this.name = name;
        this.email = email.value();
    }

    /**
     * Gives this librarian a profile, or replaces the content of the one it has. Replacing keeps
     * the existing row: deleting and inserting in one flush would meet the UNIQUE constraint on
     * {@code librarian_id} in whatever order the provider writes.
     *
     * @return the librarian's profile, now holding {@code content}'s values
     */
    public Profile putProfile(ProfileContent content) {
        if (profile == null) {
            profile = new Profile(this);
        }
        profile.apply(content);
        return profile;
    }

    /** Removes the profile; orphan removal deletes its row. */
    public boolean removeProfile() {
        if (profile == null) {
            return false;
        }
        profile = null;
        return true;
    }

    public Optional<Profile> getProfile() {
        return Optional.ofNullable(profile);
    }

    public Long getId() {
        return id;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
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

    public void setEmail(EmailAddress email) {
        this.email = email.value();
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Librarian other && employeeNumber != null
                && employeeNumber.equals(other.employeeNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(employeeNumber);
    }

    @Override
    public String toString() {
        return "Librarian[" + id + ", " + employeeNumber + "]";
    }

    @Override
    public RecordType recordType() {
        return RecordType.LIBRARIAN;
    }

    @Override
    public Map<String, Object> recordedState() {
        return Recorded.state("employeeNumber", employeeNumber, "name", name, "email", email,
                "bio", profile == null ? null : profile.getBio(), "phone", profile == null ? null : profile.getPhone(),
                "office", profile == null ? null : profile.getOffice());
    }
}
