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
import org.library.changes.ChangeAction;
import org.library.changes.ChangeLog;
import org.library.platform.EmailAddress;
import org.library.platform.FieldViolation;
import org.library.platform.Inputs;
import org.library.platform.KeyTakenMeanwhileException;
import org.library.platform.LibraryException;
import org.library.platform.Page;
import org.library.platform.PageRequest;
import org.library.platform.PagedQuery;
import org.library.platform.Precondition;
import org.library.platform.RecordNotFoundException;
import org.library.platform.RowLocks;
import org.library.platform.SortOrder;
import org.library.platform.StaleVersionException;
import org.library.platform.Upserted;
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

    @Inject
    private ChangeLog changes;

    /**
     * @throws DuplicateMemberNumberException when the number is taken
     * @throws DuplicateEmailException        when the e-mail address is taken
     */
    public Member create(MemberData data) {
        inputs.valid(data);
        if (findByNumber(data.memberNumber()).isPresent()) {
            throw new DuplicateMemberNumberException(data.memberNumber().value());
        }
        return insert(data, uniqueViolation(data.memberNumber().value(), data.email().value()));
    }

    /** @param onConflict what a UNIQUE index hit at the insert means (see {@link Writes#flush}) */
    private Member insert(MemberData data, Function<String, ? extends LibraryException> onConflict) {
        String number = data.memberNumber().value();
        Optional<String> emailOwner = em.createQuery("SELECT m.memberNumber FROM Member m WHERE m.email = :email", String.class)
                .setParameter("email", data.email().value()).getResultStream().findFirst();
        if (emailOwner.isPresent()) {
            // the address's owner has this very number when a write of it committed since the caller
            // looked the number up: a conflict on the number, not another member's address
            throw emailOwner.get().equals(number) ? onConflict.apply(NUMBER_CONSTRAINT)
                    : new DuplicateEmailException(data.email().value());
        }
        LocalDate joined = data.joinedOn() != null ? data.joinedOn() : LocalDate.now(clock);
        Member member = new Member(data.memberNumber(), data.name().strip(), data.email(), joined);
        member.setActive(data.activeOrDefault());
        em.persist(member);
        Writes.flush(em, "member", number, onConflict);
        changes.record(ChangeAction.CREATED, member);
        return member;
    }

    /** Replaces name, e-mail, joining date and the active flag (all required); the member number stays. */
    public Member update(long id, Long expectedVersion, MemberData data) {
        inputs.valid(data, jakarta.validation.groups.Default.class, MemberData.Replacing.class);
        Member member = member(id);
        StaleVersionException.check("member", id, member.getVersion(), expectedVersion);
        FieldViolation.refuseChange("memberNumber", member.getMemberNumber(), data.memberNumber().value());
        return replace(member, data);
    }

    /**
     * Creates the member with this card number, or replaces the one that has it: the write of a
     * sync job, which knows the number, not the id. The whole record, as {@link #update} takes it;
     * the number in {@code data} may be left out, and must be {@code number} if given. Two such
     * writes of a new number at the same moment make one member: the second insert meets the
     * UNIQUE index and is run again ({@link KeyTakenMeanwhileException}), as a replacement.
     *
     * @throws org.library.platform.PreconditionFailedException when {@code precondition} wants the
     *         member absent, or present, and it is not
     * @throws StaleVersionException when it names another version than the member's
     */
    public Upserted<Member> put(MemberNumber number, Precondition precondition, MemberData data) {
        if (data == null) {
            inputs.valid(data); // refused: a body is required
        }
        FieldViolation.refuseOtherKey("memberNumber", number, data.memberNumber());
        MemberData keyed = new MemberData(number, data.name(), data.email(), data.joinedOn(), data.active());
        inputs.valid(keyed, jakarta.validation.groups.Default.class, MemberData.Replacing.class);
        // the row locked before it is read: a concurrent write of the same member waits, and then
        // replaces what this one wrote (an unconditional write never fails for a version read meanwhile)
        Optional<Member> stored = em.createQuery("SELECT m.id FROM Member m WHERE m.memberNumber = :number", Long.class)
                .setParameter("number", number.value()).getResultStream().findFirst()
                .map(id -> {
                    RowLocks.member(em, id);
                    return member(id);
                });
        precondition.check("member", number, stored.map(Member::getVersion).orElse(null));
        if (stored.isPresent()) {
            return new Upserted<>(replace(stored.get(), keyed), false);
        }
        // either index may be the one a simultaneous write of the same new number hits first; run
        // again, the write finds that member, or (another member's address) is refused as such
        return new Upserted<>(insert(keyed, constraint -> new KeyTakenMeanwhileException("member", number)), true);
    }

    /**
     * A member's own change of their e-mail address (or staff's for them): the staff's replacement
     * of the record with only the address new, so that it is checked, refused (a taken address:
     * {@link DuplicateEmailException}) and logged as every other change of a member is. The
     * member's row is locked first: a concurrent change of the record waits, then replaces this one.
     *
     * @throws org.library.platform.InvalidInputException when no address is given (the front doors
     *         parse the text, and refuse what is no address with {@link EmailAddress#FORM})
     */
    @Allowed({Roles.MEMBERS_WRITE, Roles.CARD_HOLDER})
    public Member changeEmail(long id, EmailAddress email) {
        RowLocks.member(em, id);
        Member member = member(id);
        MemberData data = new MemberData(MemberNumber.of(member.getMemberNumber()), member.getName(), email,
                member.getJoinedOn(), member.isActive());
        inputs.valid(data, jakarta.validation.groups.Default.class, MemberData.Replacing.class);
        return replace(member, data);
    }

    /** The member with this card number. */
    public Member member(MemberNumber number) {
        return findByNumber(number).orElseThrow(() -> new RecordNotFoundException("member", number));
    }

    private Member replace(Member member, MemberData data) {
        String email = data.email().value();
        refuseTakenEmail(email, member.getId());
        Map<String, Object> before = member.recordedState();
        member.setName(data.name().strip());
        member.setEmail(data.email());
        member.setJoinedOn(data.joinedOn());
        member.setActive(data.active());
        Writes.flush(em, "member", member.getId(), uniqueViolation(member.getMemberNumber(), email));
        changes.recordUpdate(member, before);
        return member;
    }

    /**
     * Deletes the member with their past loans and closed holds (their personal history).
     *
     * @throws MemberHoldsBooksException while the member holds books
     * @throws MemberHasHoldsException   while the member has holds waiting or ready
     */
    public void delete(long id, Long expectedVersion) {
        remove(id, expectedVersion, false);
    }

    /**
     * Erases the member (the right to erasure): the member record and their login account go,
     * their closed holds too; their loans stay, anonymised, so that each book's history and the
     * library's counts keep them. Logged as the member's deletion.
     *
     * @throws MemberHoldsBooksException while the member holds books
     * @throws MemberHasHoldsException   while the member has holds waiting or ready
     */
    public void erase(long id, Long expectedVersion) {
        remove(id, expectedVersion, true);
    }

    private void remove(long id, Long expectedVersion, boolean erasure) {
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
        removing.fire(new MemberRemoving(id, member.getMemberNumber(), erasure)); // circulation removes its rows, or refuses
        em.remove(member);
        Writes.flush(em, "member", id);
        changes.record(ChangeAction.DELETED, member);
    }

    /**
     * Switches the library's e-mails to the member on or off: the member's own choice on their
     * account page, or staff at their request.
     */
    @Allowed({Roles.MEMBERS_WRITE, Roles.CARD_HOLDER})
    public Member setNotices(long id, boolean wanted) {
        Member member = member(id);
        member.setNotices(wanted);
        Writes.flush(em, "member", id);
        return member;
    }

    /**
     * Whether the member's returned loans keep their name after the anonymisation period: the
     * member's own choice (the caller checks it is theirs), or staff's on their behalf.
     */
    @Allowed({Roles.MEMBERS_WRITE, Roles.CARD_HOLDER})
    public Member keepLoanHistory(long id, boolean keep) {
        RowLocks.member(em, id);
        Member member = member(id);
        member.setKeepLoanHistory(keep);
        return member;
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

    /** The UNIQUE constraint on the card number, as {@link Writes#flush} names a violated one. */
    private static final String NUMBER_CONSTRAINT = "UQ_MEMBERS_NUMBER";

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
