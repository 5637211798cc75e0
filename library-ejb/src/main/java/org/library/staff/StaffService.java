package org.library.staff;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.LibraryException;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.RecordNotFoundException;
import org.library.platform.SortOrder;
import org.library.platform.StaleVersionException;
import org.library.platform.Writes;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;
import org.library.platform.access.Allowed;

/**
 * Librarians and their profiles (Librarian 1:1 Profile). A profile is reached, created, replaced
 * and removed only through its librarian. Each public method is one transaction.
 */
@Stateless
@Guarded
@Allowed(Roles.ADMINISTRATION)
public class StaffService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Inputs inputs;

    @Inject
    private ChangeLog changes;

    /**
     * @param profile the librarian's profile, or {@code null} for none yet
     */
    public Librarian create(LibrarianData data, ProfileContent profile) {
        inputs.valid(data);
        if (profile != null) {
            inputs.valid(profile);
        }
        String email = data.email().value();
        String number = data.employeeNumber().value();
        if (count("SELECT COUNT(l) FROM Librarian l WHERE l.employeeNumber = :v", number) > 0) {
            throw new DuplicateEmployeeNumberException(number);
        }
        if (count("SELECT COUNT(l) FROM Librarian l WHERE l.email = :v", email) > 0) {
            throw new DuplicateStaffEmailException(email);
        }
        Librarian librarian = new Librarian(data.employeeNumber(), data.name().strip(), data.email());
        if (profile != null) {
            librarian.putProfile(profile);
        }
        em.persist(librarian);
        Writes.flush(em, "librarian", number, uniqueViolation(number, email));
        changes.record(ChangeAction.CREATED, librarian);
        return librarian;
    }

    public Librarian update(long id, Long expectedVersion, LibrarianData data) {
        inputs.valid(data);
        Librarian librarian = librarian(id);
        StaleVersionException.check("librarian", id, librarian.getVersion(), expectedVersion);
        FieldViolation.refuseChange("employeeNumber", librarian.getEmployeeNumber(), data.employeeNumber().value());
        String email = data.email().value();
        List<Long> owners = em.createQuery("SELECT l.id FROM Librarian l WHERE l.email = :v", Long.class)
                .setParameter("v", email).getResultList();
        if (owners.stream().anyMatch(owner -> owner != id)) {
            throw new DuplicateStaffEmailException(email);
        }
        Map<String, Object> before = librarian.recordedState();
        librarian.setName(data.name().strip());
        librarian.setEmail(data.email());
        Writes.flush(em, "librarian", id, uniqueViolation(librarian.getEmployeeNumber(), email));
        changes.recordUpdate(librarian, before);
        return librarian;
    }

    /** Deletes the librarian and, with it, the profile. */
    public void delete(long id, Long expectedVersion) {
        Librarian librarian = librarian(id);
        StaleVersionException.check("librarian", id, librarian.getVersion(), expectedVersion);
        em.remove(librarian);
        Writes.flush(em, "librarian", id);
        changes.record(ChangeAction.DELETED, librarian);
    }

    /** The librarian with the profile loaded in the same statement. */
    public Librarian librarian(long id) {
        return em.createNamedQuery(Librarian.BY_ID_WITH_PROFILE, Librarian.class).setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("librarian", id));
    }

    public static final Map<String, String> SORTS = Map.of(
            "name", "l.name", "employeeNumber", "l.employeeNumber", "email", "l.email");

    /** A page of librarians, each with its profile (fetched in the same statement). */
    public Page<Librarian> librarians(PageRequest request, SortOrder sort) {
        return new PagedQuery<>(Librarian.class, "SELECT l FROM Librarian l LEFT JOIN FETCH l.profile",
                "SELECT l.id FROM Librarian l").page(em, request, sort.toJpql(SORTS, "l.id"));
    }

    /**
     * Creates the librarian's profile, or replaces its content.
     *
     * @param expectedProfileVersion the version of the profile the caller saw, {@code null} to skip
     *                               the check (also when creating)
     */
    public Profile putProfile(long librarianId, Long expectedProfileVersion, ProfileContent content) {
        inputs.valid(content);
        Librarian librarian = librarian(librarianId);
        librarian.getProfile().ifPresent(existing ->
                StaleVersionException.check("profile of librarian", librarianId, existing.getVersion(),
                        expectedProfileVersion));
        Map<String, Object> before = librarian.recordedState();
        Profile profile = librarian.putProfile(content);
        Writes.flush(em, "profile of librarian", librarianId);
        changes.recordUpdate(librarian, before); // the profile is part of the librarian's record
        return profile;
    }

    /** Whether the librarian has a profile (a replacing PUT must then name its version). */
    public boolean hasProfile(long librarianId) {
        return librarian(librarianId).getProfile().isPresent();
    }

    public Profile profile(long librarianId) {
        return librarian(librarianId).getProfile()
                .orElseThrow(() -> new RecordNotFoundException("profile of librarian", librarianId));
    }

    public void removeProfile(long librarianId, Long expectedProfileVersion) {
        Librarian librarian = librarian(librarianId);
        Profile profile = librarian.getProfile()
                .orElseThrow(() -> new RecordNotFoundException("profile of librarian", librarianId));
        StaleVersionException.check("profile of librarian", librarianId, profile.getVersion(), expectedProfileVersion);
        Map<String, Object> before = librarian.recordedState();
        librarian.removeProfile();
        Writes.flush(em, "profile of librarian", librarianId);
        changes.recordUpdate(librarian, before);
    }

    private long count(String jpql, String value) {
        return em.createQuery(jpql, Long.class).setParameter("v", value).getSingleResult();
    }

    private static Function<String, LibraryException> uniqueViolation(String number, String email) {
        return constraint -> constraint.contains("EMAIL")
                ? new DuplicateStaffEmailException(email)
                : new DuplicateEmployeeNumberException(number);
    }
}
