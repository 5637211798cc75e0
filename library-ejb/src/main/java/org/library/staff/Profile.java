package org.library.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * A librarian's public details. Owning side of Librarian 1:1 Profile: holds
 * {@code librarian_id} (NOT NULL, UNIQUE — a second profile for one librarian is impossible in the
 * database). Created only by {@link Librarian#putProfile(ProfileContent)}; it never changes owner.
 */
@Entity
@Table(name = "profiles")
public class Profile implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "librarian_id", nullable = false, unique = true, updatable = false)
    private Librarian librarian;

    @Size(max = ProfileContent.BIO_LENGTH)
    @Column(length = ProfileContent.BIO_LENGTH)
    private String bio;

    @Size(max = ProfileContent.PHONE_LENGTH)
    @Pattern(regexp = ProfileContent.PHONE_PATTERN, message = ProfileContent.PHONE_MESSAGE)
    @Column(length = ProfileContent.PHONE_LENGTH)
    private String phone;

    @Size(max = ProfileContent.OFFICE_LENGTH)
    @Column(length = ProfileContent.OFFICE_LENGTH)
    private String office;

    @Version
    private long version;

    protected Profile() {
        // for JPA
    }

    Profile(Librarian librarian) {
        this.librarian = librarian;
    }

    void apply(ProfileContent content) {
        this.bio = content.bio();
        this.phone = content.phone();
        this.office = content.office();
    }

    public ProfileContent content() {
        return new ProfileContent(bio, phone, office);
    }

    public Long getId() {
        return id;
    }

    public Librarian getLibrarian() {
        return librarian;
    }

    public String getBio() {
        return bio;
    }

    public String getPhone() {
        return phone;
    }

    public String getOffice() {
        return office;
    }

    public long getVersion() {
        return version;
    }

    /** Identity is the owner: one profile per librarian. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Profile other && librarian != null && librarian.equals(other.librarian);
    }

    @Override
    public int hashCode() {
        return librarian == null ? 0 : librarian.hashCode();
    }
}
