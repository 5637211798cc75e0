package org.library.members;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.library.catalog.Book;
import org.library.platform.EmailAddress;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.LibraryException;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.RecordNotFoundException;
import org.library.platform.RowLocks;
import org.library.platform.SortOrder;
import org.library.platform.StaleVersionException;
import org.library.platform.Writes;
import org.library.platform.access.Allowed;
import org.library.platform.access.Guarded;
import org.library.platform.access.Roles;

/** Library card holders. Each public method is one transaction. */
@Stateless
@Guarded
@Allowed(Roles.MEMBERS_WRITE)
public class MemberService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Inputs inputs;

    @Inject
    private Clock clock;

    @Inject
    private Event<MemberRemoving> removing;

    /**
     * @throws DuplicateMemberNumberException when the number is taken
     * @throws DuplicateEmailException        when the e-mail address is taken
     */
    public Member create(MemberData data) {
        inputs.valid(data);
        String number = data.memberNumber().value();
        if (findByNumber(data.memberNumber()).isPresent()) {
            throw new DuplicateMemberNumberException(number);
        }
        String email = data.email().value();
        refuseTakenEmail(email, null);
        LocalDate joined = data.joinedOn() != null ? data.joinedOn() : LocalDate.now(clock);
        Member member = new Member(data.memberNumber(), data.name().strip(), data.email(), joined);
        member.setActive(data.activeOrDefault());
        em.persist(member);
        Writes.flush(em, "member", number, uniqueViolation(number, email));
        return member;
    }

    /** Replaces name, e-mail, joining date and the active flag (all required); the member number stays. */
    public Member update(long id, Long expectedVersion, MemberData data) {
        inputs.valid(data, jakarta.validation.groups.Default.class, MemberData.Replacing.class);
        Member member = member(id);
        StaleVersionException.check("member", id, member.getVersion(), expectedVersion);
        FieldViolation.refuseChange("memberNumber", member.getMemberNumber(), data.memberNumber().value());
        String email = data.email().value();
        refuseTakenEmail(email, member.getId());
        member.setName(data.name().strip());
        member.setEmail(data.email());
        member.setJoinedOn(data.joinedOn());
        member.setActive(data.active());
        Writes.flush(em, "member", id, uniqueViolation(member.getMemberNumber(), email));
        return member;
    }

    /**
     * Deletes the member with their past loans and closed holds (their personal history).
     *
     * @throws MemberHoldsBooksException while the member holds books
     * @throws MemberHasHoldsException   while the member has holds waiting or ready
     */
    public void delete(long id, Long expectedVersion) {
        // the lock a borrow takes first: a borrow of this member commits before the checks below
        // read the member's books, or waits and then finds no member (it would otherwise commit in
        // between, and go with the member's rows while its copy stayed counted out)
        RowLocks.member(em, id);
        Member member = member(id);
        StaleVersionException.check("member", id, member.getVersion(), expectedVersion);
        int held = member.getBorrowedBooks().size();
        if (held > 0) {
            throw new MemberHoldsBooksException(member.getMemberNumber(), held);
        }
        removing.fire(new MemberRemoving(id, member.getMemberNumber())); // circulation removes its rows, or refuses
        em.remove(member);
        Writes.flush(em, "member", id);
    }

    @Allowed({Roles.MEMBERS_WRITE, Roles.CIRCULATION, Roles.CARD_HOLDER})
    public Member member(long id) {
        return Optional.ofNullable(em.find(Member.class, id))
                .orElseThrow(() -> new RecordNotFoundException("member", id));
    }

    private Optional<Member> findByNumber(MemberNumber memberNumber) {
        return em.createNamedQuery(Member.BY_NUMBER, Member.class).setParameter("number", memberNumber.value())
                .getResultStream().findFirst();
    }

    public static final Map<String, String> SORTS = Map.of(
            "name", "m.name", "memberNumber", "m.memberNumber", "email", "m.email", "joinedOn", "m.joinedOn");

    public Page<Member> members(MemberFilter filter, PageRequest request, SortOrder sort) {
        PagedQuery<Member> query = new PagedQuery<>(Member.class, "SELECT m FROM Member m", "SELECT m.id FROM Member m");
        if (filter.text() != null && !filter.text().isBlank()) {
            query.where("LOWER(m.name) LIKE :text ESCAPE '\\' OR m.memberNumber = :number OR m.email = :email",
                    "text", PagedQuery.containing(filter.text()),
                    "number", MemberNumber.parse(filter.text()).map(MemberNumber::value).orElse(""),
                    "email", EmailAddress.parse(filter.text()).map(EmailAddress::value).orElse(""));
        }
        if (filter.active() != null) {
            query.where("m.active = :active", "active", filter.active());
        }
        return query.page(em, request, sort.toJpql(SORTS, "m.id"));
    }

    /** The books the member holds now, each with its author: the member's side of {@code borrows}. */
    @Allowed({Roles.CIRCULATION, Roles.CARD_HOLDER})
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

    private static Function<String, LibraryException> uniqueViolation(String number, String email) {
        return constraint -> constraint.contains("EMAIL")
                ? new DuplicateEmailException(email)
                : new DuplicateMemberNumberException(number);
    }
}
