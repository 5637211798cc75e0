package org.library.members;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.library.catalog.Book;
import org.library.platform.LibraryException;
import org.library.platform.Inputs;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.RecordNotFoundException;
import org.library.platform.StaleVersionException;
import org.library.platform.Writes;

/** Library card holders. Each public method is one transaction. */
@Stateless
public class MemberService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Inputs inputs;

    @Inject
    private Clock clock;

    /**
     * @throws DuplicateMemberNumberException when the number is taken
     * @throws DuplicateEmailException        when the e-mail address is taken
     */
    public Member create(MemberData data) {
        inputs.valid(data);
        if (findByNumber(data.memberNumber()).isPresent()) {
            throw new DuplicateMemberNumberException(data.memberNumber());
        }
        String email = normaliseEmail(data.email());
        refuseTakenEmail(email, null);
        LocalDate joined = data.joinedOn() != null ? data.joinedOn() : LocalDate.now(clock);
        Member member = new Member(data.memberNumber(), data.name().strip(), email, joined);
        member.setActive(data.active());
        em.persist(member);
        Writes.flush(em, "member", data.memberNumber(), uniqueViolation(data.memberNumber(), email));
        return member;
    }

    /** Changes name, e-mail, joining date and the active flag; the member number stays. */
    public Member update(long id, Long expectedVersion, MemberData data) {
        inputs.valid(data);
        Member member = member(id);
        StaleVersionException.check("member", id, member.getVersion(), expectedVersion);
        String email = normaliseEmail(data.email());
        refuseTakenEmail(email, member.getId());
        member.setName(data.name().strip());
        member.setEmail(email);
        if (data.joinedOn() != null) {
            member.setJoinedOn(data.joinedOn());
        }
        member.setActive(data.active());
        Writes.flush(em, "member", id, uniqueViolation(member.getMemberNumber(), email));
        return member;
    }

    /**
     * Deletes the member and their past loans (their personal history).
     *
     * @throws MemberHoldsBooksException while the member holds books
     */
    public void delete(long id, Long expectedVersion) {
        Member member = member(id);
        StaleVersionException.check("member", id, member.getVersion(), expectedVersion);
        int held = member.getBorrowedBooks().size();
        if (held > 0) {
            throw new MemberHoldsBooksException(member.getMemberNumber(), held);
        }
        em.createQuery("DELETE FROM Loan l WHERE l.member = :member").setParameter("member", member).executeUpdate();
        em.remove(member);
        Writes.flush(em, "member", id);
    }

    public Member member(long id) {
        return Optional.ofNullable(em.find(Member.class, id))
                .orElseThrow(() -> new RecordNotFoundException("member", id));
    }

    public Optional<Member> findByNumber(String memberNumber) {
        return em.createNamedQuery(Member.BY_NUMBER, Member.class)
                .setParameter("number", memberNumber == null ? "" : memberNumber.strip().toUpperCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    public Page<Member> members(PageRequest request) {
        List<Member> items = em.createNamedQuery(Member.PAGE, Member.class)
                .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        long total = em.createNamedQuery(Member.COUNT_ALL, Long.class).getSingleResult();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** The books the member holds now, each with its author: the member's side of {@code borrows}. */
    public List<Book> borrowedBooks(long memberId) {
        member(memberId);
        return em.createNamedQuery(Member.BORROWED_BOOKS, Book.class).setParameter("id", memberId).getResultList();
    }

    private void refuseTakenEmail(String email, Long exceptId) {
        List<Long> owners = em.createQuery("SELECT m.id FROM Member m WHERE m.email = :email", Long.class)
                .setParameter("email", email).getResultList();
        if (owners.stream().anyMatch(owner -> !owner.equals(exceptId))) {
            throw new DuplicateEmailException(email);
        }
    }

    /** E-mail addresses compare case-insensitively in practice; store one form. */
    private static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static Function<String, LibraryException> uniqueViolation(String number, String email) {
        return constraint -> constraint.contains("EMAIL")
                ? new DuplicateEmailException(email)
                : new DuplicateMemberNumberException(number);
    }
}
